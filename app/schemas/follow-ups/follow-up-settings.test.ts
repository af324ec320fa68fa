import { describe, expect, it } from "vitest";
import { clockText, parseFollowUpSettingsForm } from "./follow-up-settings";

const form = (over: Record<string, string> = {}) => ({
  senderName: " Lindqvist Tea ",
  senderEmail: "Care@Lindqvist.se",
  replyTo: "",
  marketingCapDays: "5",
  windowStart: "09:00",
  windowEnd: "20:30",
  reviewUrlTemplate: "https://judge.me/reviews/{{ order.legacy_id }}",
  ...over,
});

describe("the email settings form", () => {
  it("reads the form into settings: trimmed, lower-case addresses, empty as none, times as minutes", () => {
    expect(parseFollowUpSettingsForm({ ...form(), strictConsent: "on" })).toEqual({
      ok: true,
      settings: {
        senderName: "Lindqvist Tea",
        senderEmail: "care@lindqvist.se",
        replyTo: null,
        strictConsent: true,
        marketingCapDays: 5,
        windowStartMinute: 540,
        windowEndMinute: 1230,
        reviewUrlTemplate: "https://judge.me/reviews/{{ order.legacy_id }}",
      },
    });
    expect(parseFollowUpSettingsForm(form())).toMatchObject({ ok: true, settings: { strictConsent: false } });
  });

  it("says what is wrong, field by field", () => {
    const result = parseFollowUpSettingsForm(form({ senderEmail: "care at shop", windowStart: "9", windowEnd: "20:00", reviewUrlTemplate: "judge.me/x" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path).sort()).toEqual(["reviewUrlTemplate", "senderEmail", "windowStart"]);
    const narrow = parseFollowUpSettingsForm(form({ windowStart: "19:30", windowEnd: "20:00" }));
    expect(narrow).toMatchObject({ ok: false, errors: [{ path: "windowEnd" }] });
  });

  it("writes minutes back as a clock", () => {
    expect(clockText(540)).toBe("09:00");
    expect(clockText(1230)).toBe("20:30");
  });
});
