import type { CodeStatus } from "./packing-plan";

/** One printed insert of an order (a rule's card), as far as printing is concerned. */
export type PrintCard = { printed: boolean; codeStatus: CodeStatus | null };

/**
 * Where a card stands for the Print queue:
 * - `printed`: it went out on a print sheet (or the merchant said it did);
 * - `ready`: it prints now (no code, or its code exists in Shopify);
 * - `waiting-for-code`: its code is still being created; it never prints without it, so it waits in the queue;
 * - `never`: its code was refused for good; the packing plan says to leave it out, so nothing waits for it.
 */
export type CardState = "printed" | "ready" | "waiting-for-code" | "never";

/** The card's state: printed first, then by its code. */
export function cardState(card: PrintCard): CardState {
  if (card.printed) return "printed";
  if (card.codeStatus === "failed") return "never";
  if (card.codeStatus === "pending") return "waiting-for-code";
  return "ready";
}

/** How many cards of an order are in each state. */
export function countCardStates(cards: readonly PrintCard[]): Record<CardState, number> {
  const counts: Record<CardState, number> = { printed: 0, ready: 0, "waiting-for-code": 0, never: 0 };
  for (const card of cards) counts[cardState(card)] += 1;
  return counts;
}

/**
 * An order leaves the Print queue once none of its cards is left to print: each is printed or can never
 * print. An order whose decision has no card at all (only a physical item) leaves once it was in a printed
 * batch.
 */
export function isOrderPrinted(cards: readonly PrintCard[]): boolean {
  return cards.every((card) => {
    const state = cardState(card);
    return state === "printed" || state === "never";
  });
}
