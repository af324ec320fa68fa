import { marketingConsent } from "~/domain/follow-ups/consent";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { findFollowUpCode } from "~/models/follow-ups/follow-up-code.server";
import { findConsent, lastMarketingSentAt } from "~/models/follow-ups/follow-up.server";
import type { SendState } from "./send-follow-up.server";

// Marketing checks and an apology's code at send time (docs/follow-ups.md, "Consent" and "Codes in apologies").
// A code makes the apology marketing: it goes with the code only when consent and the cap allow it and Shopify
// made the code; otherwise the apology itself still goes out, as transactional, and the row says why.

const DAY_MS = 86_400_000;

export type MarketingHold = { kind: "consent"; reason: string } | { kind: "cap"; until: Date; reason: string } | null;

/** Whether a marketing message may go to the order's customer now: their consent, then the per-address cap. Null: it may. */
export function marketingHold(db: SqliteDb, state: SendState, now: Date): MarketingHold {
  const { row, order, settings } = state;
  const consent = findConsent(db, row.shop, order.customerGid);
  const verdict = marketingConsent(
    { state: consent?.state ?? null, optInLevel: consent?.optInLevel ?? null, acceptsMarketing: order.acceptsMarketing },
    settings.strictConsent,
  );
  if (!verdict.allowed) return { kind: "consent", reason: verdict.reason };
  const last = lastMarketingSentAt(db, row.shop, (order.email ?? "").toLowerCase(), row.id);
  const capEnds = last ? last.getTime() + settings.marketingCapDays * DAY_MS : 0;
  if (capEnds > now.getTime()) return { kind: "cap", until: new Date(capEnds), reason: `one marketing message per ${settings.marketingCapDays} days` };
  return null;
}

/** Whether the row's rule offers a code: apologies with a discount. */
export const offersCode = (state: SendState) => state.row.trigger === "apology" && state.rule.discount !== undefined;

export type CodeForMessage =
  | { kind: "none" }
  | { kind: "code"; code: string; expiresAt: Date }
  | { kind: "without"; reason: string }
  /** The code step has not settled the code yet: not now. */
  | { kind: "waiting" };

/** What the message says about a code: the code Shopify made, none (and why), or not yet. */
export function codeForMessage(db: SqliteDb, state: SendState, now: Date): CodeForMessage {
  if (!offersCode(state)) return { kind: "none" };
  const stored = findFollowUpCode(db, state.row.shop, state.row.id);
  if (!stored || stored.status === null || stored.status === "pending") return { kind: "waiting" };
  if (stored.status !== "created" || !stored.code || !stored.expiresAt)
    return { kind: "without", reason: `sent without its code: ${stored.error ?? "the code was erased"}` };
  // Consent may have been withdrawn since the code was made (or a marketing message went out): then no code.
  const hold = marketingHold(db, state, now);
  if (hold) return { kind: "without", reason: `sent without its code: ${hold.reason}` };
  return { kind: "code", code: stored.code, expiresAt: stored.expiresAt };
}
