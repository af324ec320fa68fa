import { describe, expect, it } from "vitest";
import { describeRuleStatus } from "./rule-status";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const window = { startsAt: "2026-11-23T12:00:00Z", endsAt: "2026-12-01T00:00:00Z" };

describe("describeRuleStatus", () => {
  it.each([
    ["active without dates", { active: true }, false, "active"],
    ["active from its start instant on", { active: true, ...window }, false, "active"],
    ["scheduled before its start", { active: true, startsAt: "2026-11-23T12:00:01Z" }, false, "scheduled"],
    ["ended at its end instant", { active: true, endsAt: "2026-11-23T12:00:00Z" }, false, "ended"],
    ["paused when switched off, whatever the dates", { active: false, ...window }, false, "paused"],
    ["archived above everything", { active: true }, true, "archived"],
  ] as const)("%s", (_name, rule, archived, expected) => {
    expect(describeRuleStatus(rule, archived, NOW)).toBe(expected);
  });
});
