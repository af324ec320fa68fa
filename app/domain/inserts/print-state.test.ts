import { describe, expect, it } from "vitest";
import { cardState, countCardStates, isOrderPrinted, type PrintCard } from "./print-state";

const card = (printed: boolean, codeStatus: PrintCard["codeStatus"]): PrintCard => ({ printed, codeStatus });

describe("cardState", () => {
  it.each([
    [card(false, null), "ready"],
    [card(false, "created"), "ready"],
    [card(false, "pending"), "waiting-for-code"],
    [card(false, "failed"), "never"],
    [card(true, null), "printed"],
    [card(true, "created"), "printed"],
    [card(true, "failed"), "printed"],
  ] as const)("%o is %s", (input, expected) => {
    expect(cardState(input)).toBe(expected);
  });
});

describe("isOrderPrinted", () => {
  it.each([
    ["every card printed", [card(true, null), card(true, "created")], true],
    ["a printed card and one whose code failed", [card(true, null), card(false, "failed")], true],
    ["no card at all (item only)", [], true],
    ["the thank-you card printed, the code card waiting for its code", [card(true, null), card(false, "pending")], false],
    ["a card ready but not printed", [card(true, null), card(false, "created")], false],
  ] as const)("%s → %s", (_label, cards, expected) => {
    expect(isOrderPrinted(cards)).toBe(expected);
  });
});

describe("countCardStates", () => {
  it("counts each state", () => {
    expect(countCardStates([card(true, null), card(false, "pending"), card(false, null), card(false, "created"), card(false, "failed")])).toEqual({
      printed: 1,
      ready: 2,
      "waiting-for-code": 1,
      never: 1,
    });
  });
});
