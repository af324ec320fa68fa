import { describe, expect, it } from "vitest";
import { parseFollowUpRule, parseStoredFollowUpRule } from "./follow-up-rule";

const valid = {
  id: "review",
  version: 1,
  name: "Review request",
  active: true,
  trigger: "review-request",
  delay: { days: 7, hours: 0 },
  conditions: { op: "and", items: [{ kind: "customer-locale", locales: ["de"] }] },
  message: { kind: "built-in" },
};

describe("a follow-up rule document", () => {
  it("takes a valid rule and fills the defaults (inferred arrivals count, send after a broken promise)", () => {
    const parsed = parseFollowUpRule(valid);
    expect(parsed.ok && parsed.rule).toMatchObject({ inferredArrivalCounts: true, afterBrokenPromise: { action: "send", delayDays: 3 } });
  });

  it("names each problem with its path, in words", () => {
    const parsed = parseFollowUpRule({ ...valid, name: " ", trigger: "birthday", delay: { days: 400, hours: 0 } });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { path: "name", message: "Name the rule" },
      { path: "trigger", message: "Choose when the message goes out" },
      { path: "delay.days", message: "At most 90 days" },
    ]);
  });

  it("refuses hostile nesting before parsing it, and a stored document that no longer validates is null", () => {
    let deep: unknown = { op: "and", items: [] };
    for (let level = 0; level < 50; level += 1) deep = { op: "and", items: [deep] };
    expect(parseFollowUpRule({ ...valid, conditions: deep })).toMatchObject({ ok: false, errors: [{ path: "conditions" }] });
    expect(parseStoredFollowUpRule("{not json")).toBe(null);
    expect(parseStoredFollowUpRule(JSON.stringify({ ...valid, trigger: "gone" }))).toBe(null);
  });
});

describe("an apology's discount code", () => {
  const apology = { ...valid, id: "sorry", name: "Sorry", trigger: "apology", conditions: { op: "and", items: [] } };

  it("takes a percentage or an amount with its days of validity", () => {
    const parsed = parseFollowUpRule({ ...apology, discount: { kind: "percentage", value: "15", expiresInDays: 30 } });
    expect(parsed.ok && parsed.rule.discount).toEqual({ kind: "percentage", value: "15", expiresInDays: 30 });
    expect(parseFollowUpRule({ ...apology, discount: { kind: "fixed_amount", value: "5.00", expiresInDays: 14, prefix: "SORRY" } }).ok).toBe(true);
  });

  it("refuses a code on anything but an apology, and terms no code can have, in words", () => {
    const onReview = parseFollowUpRule({ ...valid, discount: { kind: "percentage", value: "10", expiresInDays: 30 } });
    expect(onReview.ok ? [] : onReview.errors).toEqual([{ path: "discount", message: "Only an apology can carry a discount code" }]);
    const bad = parseFollowUpRule({ ...apology, discount: { kind: "percentage", value: "120", expiresInDays: 0 } });
    expect(bad.ok ? [] : bad.errors).toEqual([
      { path: "discount.expiresInDays", message: "The code must be valid for at least 1 day" },
      { path: "discount.value", message: "A percentage is at most 100" },
    ]);
  });
});
