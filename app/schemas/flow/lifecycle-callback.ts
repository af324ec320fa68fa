import { z } from "zod";

/**
 * The body of Shopify Flow's trigger lifecycle callback (https://shopify.dev/docs/apps/build/flow/track-lifecycle-events):
 * which trigger, whether the store now has an enabled workflow using it, the store, and when Flow made the
 * notification (newer wins). The docs' table says `shop_id` is a number and their example sends a string:
 * both are accepted. Unknown extra fields are kept out of the parsed value, not refused.
 */
export const lifecycleCallbackSchema = z.object({
  flow_trigger_definition_id: z.string().trim().min(1).max(255),
  has_enabled_flow: z.boolean(),
  shop_id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]),
  shopify_domain: z.string().trim().toLowerCase().min(1).max(255),
  timestamp: z.string().datetime({ offset: true, message: "must be an ISO 8601 date-time" }),
});
