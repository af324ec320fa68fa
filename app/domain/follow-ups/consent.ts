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
