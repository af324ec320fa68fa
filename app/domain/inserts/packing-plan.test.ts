import { describe, expect, it } from "vitest";
import { describePackingPlan, toPlanCode, type PlanPart } from "./packing-plan";

const part = (overrides: Partial<PlanPart>): PlanPart => ({ insert: null, item: null, code: null, ...overrides });

describe("describePackingPlan", () => {
  it.each<[string, PlanPart[], string]>([
    ["nothing", [], ""],
    [
      "the issue's example",
      [part({ insert: "thank-you card A" }), part({ insert: "care guide B", item: "soap sample" }), part({ code: { code: "ANNA-7KQ2", status: "created" } })],
      "Include: thank-you card A, care guide B. Add: soap sample. Code: ANNA-7KQ2.",
    ],
    ["an item only", [part({ item: "sticker" })], "Add: sticker."],
    [
      "a code still being created",
      [part({ insert: "Next-order code card", code: { code: "7KQ2-XM4P", status: "pending" } })],
      "Include: Next-order code card. Code: 7KQ2-XM4P (being created).",
    ],
    [
      "a failed code: its card is left out and the plan says so",
      [part({ insert: "Thank-you card" }), part({ insert: "Next-order code card", code: { code: "ANNA-7KQ2-XM4P", status: "failed" } })],
      "Include: Thank-you card. Code failed, do not include: Next-order code card.",
    ],
    [
      "an erased code (customers/redact): no code text, its card is left out and the plan says so",
      [part({ insert: "Thank-you card", item: "soap sample" }), part({ insert: "Next-order code card", code: { code: null, status: "erased" } })],
      "Include: Thank-you card. Add: soap sample. Code erased with the customer's data, do not include: Next-order code card.",
    ],
    [
      "two codes",
      [part({ code: { code: "A-2222-3333", status: "created" } }), part({ code: { code: "B-4444-5555", status: "created" } })],
      "Codes: A-2222-3333, B-4444-5555.",
    ],
  ])("%s", (_name, parts, expected) => {
    expect(describePackingPlan(parts)).toBe(expected);
  });
});

describe("toPlanCode", () => {
  it.each<[string | null, string | null, ReturnType<typeof toPlanCode>]>([
    ["ANNA-7KQ2-XM4P", "pending", { code: "ANNA-7KQ2-XM4P", status: "pending" }],
    ["ANNA-7KQ2-XM4P", "created", { code: "ANNA-7KQ2-XM4P", status: "created" }],
    ["ANNA-7KQ2-XM4P", "failed", { code: "ANNA-7KQ2-XM4P", status: "failed" }],
    [null, "erased", { code: null, status: "erased" }],
    [null, null, null],
    ["ANNA-7KQ2-XM4P", null, null],
    [null, "created", null],
  ])("%s / %s", (code, status, expected) => {
    expect(toPlanCode(code, status)).toEqual(expected);
  });
});
