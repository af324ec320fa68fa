// The shop's follow-up settings (model FollowUpSettings), and what a shop that never saved any gets.

export type FollowUpSettings = {
  /** The name emails go out under; the shop's own name when not set. */
  senderName: string | null;
  senderEmail: string | null;
  replyTo: string | null;
  /** Marketing only with a confirmed (double) opt-in, as German and EU practice asks. */
  strictConsent: boolean;
  /** At most one marketing message per address in this many days. */
  marketingCapDays: number;
  /** The customer's local hours in which messages go out, minutes from midnight: [start, end). */
  windowStartMinute: number;
  windowEndMinute: number;
  /** The merchant's review page, with {{ order.legacy_id }} and {{ product.legacy_id }} filled in. */
  reviewUrlTemplate: string | null;
};

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  senderName: null,
  senderEmail: null,
  replyTo: null,
  strictConsent: false,
  marketingCapDays: 5,
  windowStartMinute: 540,
  windowEndMinute: 1200,
  reviewUrlTemplate: null,
};
