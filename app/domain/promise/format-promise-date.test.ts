import { describe, expect, it } from "vitest";
import { formatPromiseDate } from "./format-promise-date";
import { PROMISE_MESSAGES, renderPromiseMessage } from "./promise-messages";

describe("formatPromiseDate", () => {
  it.each([
    ["en-GB", "Thu 2 Apr"],
    ["en-US", "Thu, Apr 2"],
    ["de-DE", "Do., 2. Apr."],
    ["sv-SE", "tors 2 apr."],
  ])("formats 2026-04-02 for %s", (locale, expected) => {
    expect(formatPromiseDate("2026-04-02", locale)).toBe(expected);
  });

  it("never shifts the civil date, whatever the process time zone", () => {
    expect(formatPromiseDate("2027-01-01", "en-GB")).toBe("Fri 1 Jan");
  });
});

describe("promise messages", () => {
  it("has both texts with their placeholders in every language", () => {
    for (const messages of Object.values(PROMISE_MESSAGES)) {
      expect(messages.arrivesBy).toContain("{date}");
      expect(messages.estimatedRange).toContain("{from}");
      expect(messages.estimatedRange).toContain("{to}");
    }
  });

  it.each([
    ["en-US", "arrivesBy", "Arrives by Thu 2 Apr"],
    ["de-AT", "arrivesBy", "Lieferung bis Thu 2 Apr"],
    ["sv", "estimatedRange", "Beräknad leverans Tue 31 Mar – Thu 2 Apr"],
    ["fr-CA", "estimatedRange", "Livraison estimée du Tue 31 Mar au Thu 2 Apr"],
    ["pt-BR", "arrivesBy", "Arrives by Thu 2 Apr"],
  ] as const)("renders %s %s", (locale, key, expected) => {
    const values = { date: "Thu 2 Apr", from: "Tue 31 Mar", to: "Thu 2 Apr" };
    expect(renderPromiseMessage(locale, key, values)).toBe(expected);
  });
});
