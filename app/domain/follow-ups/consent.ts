// Whether a marketing message (a review request, anything with a discount) may go to the customer. Shopify
// tells the consent two ways: the order's buyer_accepts_marketing (the checkout box) and, newer and
// authoritative, customers/email_marketing_consent_update (state and opt-in level). In strict mode (Germany,
// the EU's double opt-in practice) only a confirmed opt-in counts. Transactional messages need none of this.

export type MarketingConsent = {
  /** From customers/email_marketing_consent_update, when Kept has had one for the customer. */
  state: string | null;
  optInLevel: string | null;
  /** buyer_accepts_marketing on the order. */
  acceptsMarketing: boolean | null;
};

export type ConsentVerdict = { allowed: true } | { allowed: false; reason: string };

const STATE_REASONS: Record<string, string> = {
  unsubscribed: "the customer unsubscribed from marketing email in Shopify",
  not_subscribed: "the customer has not agreed to marketing email",
  pending: "the customer has not confirmed their marketing sign-up yet",
  redacted: "the customer's data was erased",
  invalid: "Shopify marks the customer's address as invalid",
};

export function marketingConsent(consent: MarketingConsent, strict: boolean): ConsentVerdict {
  const state = consent.state?.toLowerCase() ?? null;
  if (state !== null) {
    if (state !== "subscribed") return { allowed: false, reason: STATE_REASONS[state] ?? "the customer has not agreed to marketing email" };
    if (strict && consent.optInLevel?.toLowerCase() !== "confirmed_opt_in")
      return { allowed: false, reason: "no confirmed (double) opt-in, and strict consent is on" };
    return { allowed: true };
  }
  if (consent.acceptsMarketing !== true) return { allowed: false, reason: "the customer did not agree to marketing email at checkout" };
  if (strict) return { allowed: false, reason: "no confirmed (double) opt-in, and strict consent is on" };
  return { allowed: true };
}

/** A consent record from customers_email_marketing_consent/update, with the moment it speaks for. */
export type ConsentRecord = { state: string; optInLevel: string | null; at: Date };

// When two records speak for the same moment, the one that allows less wins, whatever order they came in:
// a tie never turns into permission to send marketing.
const STATE_RANK: Record<string, number> = { redacted: 0, invalid: 1, unsubscribed: 2, not_subscribed: 3, pending: 4, subscribed: 5 };
const LEVEL_RANK: Record<string, number> = { unknown: 0, single_opt_in: 1, confirmed_opt_in: 2 };
const rankOf = (record: ConsentRecord) => [STATE_RANK[record.state] ?? 0, record.optInLevel === null ? 0 : (LEVEL_RANK[record.optInLevel] ?? 0)];

/**
 * Whether an incoming consent record replaces the stored one. Shopify may deliver consent changes late, twice
 * or out of order; the customer's state is the record with the latest consent time (Shopify's own rule), so an
 * older record changes nothing and a repeated one changes nothing. At the same moment the one that allows less
 * wins, so the outcome never depends on the order of arrival.
 */
export function replacesConsent(stored: ConsentRecord | null, incoming: ConsentRecord): boolean {
  if (stored === null) return true;
  const [storedAt, incomingAt] = [stored.at.getTime(), incoming.at.getTime()];
  if (incomingAt !== storedAt) return incomingAt > storedAt;
  const [a, b] = [rankOf(incoming), rankOf(stored)];
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}
