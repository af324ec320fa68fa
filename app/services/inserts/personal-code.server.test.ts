import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, choosePersonalCode, latinNamePart, randomCodePart } from "./personal-code.server";

describe("personal codes", () => {
  it.each([
    ["Anna", "ANNA"],
    ["Zoë", "ZOE"],
    ["Björk", "BJOERK"],
    ["Анна", "ANNA"],
    ["Ольга", "OLGA"],
    ["Σοφία", "SOFIA"],
    ["José María", "JOSEMARIA"],
    ["ليلى", "LYLA"],
    ["さくら", ""],
    ["Maximiliane-Theresa", "MAXIMILIAN"],
    [null, ""],
  ])("spells the first name %s in Latin capitals as %j", (name, expected) => {
    expect(latinNamePart(name)).toBe(expected);
  });

  it("uses only readable symbols: never 0, O, 1 or I", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
    const every = randomCodePart(new Uint8Array([0, 31, 32, 255, 7, 8, 100, 200]));
    expect(every).toBe("2Z2Z-9A6A");
    expect(every.replace("-", "")).toMatch(/^[23456789A-HJ-NP-Z]{8}$/);
  });

  it("prefers the rule's prefix, then the first name, then no prefix", () => {
    const bytes = new Uint8Array([5, 17, 22, 0, 29, 19, 2, 21]);
    expect(choosePersonalCode({ prefix: "vip", firstName: "Anna", bytes })).toBe("VIP-7KQ2-XM4P");
    expect(choosePersonalCode({ firstName: "Анна", bytes })).toBe("ANNA-7KQ2-XM4P");
    expect(choosePersonalCode({ firstName: "さくら", bytes })).toBe("7KQ2-XM4P");
  });

  it("draws fresh randomness each time (40 bits per code)", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => choosePersonalCode({ firstName: "Anna" })));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^ANNA-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}$/);
  });
});
