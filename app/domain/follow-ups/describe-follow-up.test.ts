import { describe, expect, it } from "vitest";
import { describeDelay, describePlan, describeTiming } from "./describe-follow-up";

const now = new Date("2026-11-25T12:00:00Z");

describe("follow-ups in the merchant's words", () => {
  it("says a rule's timing as a sentence, singular and plural", () => {
    expect(describeDelay({ days: 0, hours: 0 })).toBe("right away");
    expect(describeDelay({ days: 1, hours: 1 })).toBe("1 day and 1 hour");
    expect(describeTiming({ trigger: "review-request", delay: { days: 7, hours: 0 } })).toBe("7 days after the order arrived");
    expect(describeTiming({ trigger: "apology", delay: { days: 0, hours: 0 } })).toBe("Right away after a promise is at risk or late");
  });

  it("tells the trial's outcomes apart: no match, before the rule, held back, would go out", () => {
    const rule = { trigger: "review-request" as const };
    const send = { kind: "send" as const, at: new Date("2026-11-28T09:00:00Z") };
    expect(describePlan(rule, send, { matches: false, before: false, now }).kind).toBe("no-match");
    expect(describePlan(rule, send, { matches: true, before: true, now })).toMatchObject({ kind: "before-rule", at: send.at });
    expect(describePlan(rule, { kind: "skip", reason: "the promise was broken" }, { matches: true, before: true, now }).detail).toContain(
      "held back: the promise was broken",
    );
    expect(describePlan(rule, send, { matches: true, before: false, now })).toEqual({ kind: "send", label: "Would go out", detail: null, at: send.at });
    expect(describePlan(rule, { kind: "send", at: now }, { matches: true, before: false, now }).label).toBe("Would go out now");
    expect(describePlan(rule, { kind: "skip", reason: "arrived late" }, { matches: true, before: false, now })).toMatchObject({
      label: "Held back",
      detail: "Arrived late",
    });
    expect(describePlan(rule, { kind: "wait" }, { matches: true, before: false, now }).label).toBe("Waits for the arrival");
  });
});
