import { z } from "zod";
import { gidPrefix, type GidType } from "~/domain/shopify/gid";

// zod schemas for the webhook payload fields Kept reads (REST-style snake_case, API 2026-01).
// Unknown fields are allowed; the fields we rely on are checked for type. Ids may arrive as numbers or,
// above 2^53, as exact digit strings (see parseShopifyJson), so they are normalized to strings.

// Numbers first: that is what almost every payload has, and a failed union branch costs an issue object.
const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);
const gid = (type: GidType) => z.string().startsWith(gidPrefix(type), `must be a ${type} GID`);
const instant = z.string().datetime({ offset: true, message: "must be an ISO 8601 date-time" });
const money = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal string");
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
// A field Kept only copies (a name): a mistyped value is dropped instead of refusing the whole order.
const lenientText = z.unknown().transform((value) => (typeof value === "string" ? value : null));

const address = z
  .object({
    first_name: lenientText,
    last_name: lenientText,
    country_code: optionalText,
    province_code: optionalText,
    zip: optionalText,
    city: optionalText,
  })
  .passthrough();

const lineItemSchema = z
  .object({
    id,
    admin_graphql_api_id: gid("LineItem").optional(),
    product_id: id.nullish(),
    variant_id: id.nullish(),
    sku: optionalText,
    vendor: optionalText,
    title: z.string(),
    variant_title: optionalText,
    quantity: z.number().int(),
    price: money,
    requires_shipping: z.boolean().optional(),
    gift_card: z.boolean().optional(),
  })
  .passthrough();

export const fulfillmentSchema = z
  .object({
    id,
    admin_graphql_api_id: gid("Fulfillment"),
    order_id: id,
    name: optionalText,
    status: optionalText,
    shipment_status: optionalText,
    service: optionalText,
    location_id: id.nullish(),
    tracking_company: optionalText,
    tracking_number: optionalText,
    tracking_url: optionalText,
    line_items: z.array(z.object({ id }).passthrough()).default([]),
    created_at: instant,
    updated_at: instant,
  })
  .passthrough();

export const orderSchema = z
  .object({
    id,
    admin_graphql_api_id: gid("Order"),
    name: z.string(),
    email: optionalText,
    created_at: instant,
    updated_at: instant,
    processed_at: instant.nullish(),
    cancelled_at: instant.nullish(),
    cancel_reason: optionalText,
    closed_at: instant.nullish(),
    currency: z.string().length(3),
    total_price: money,
    subtotal_price: money.nullish(),
    financial_status: optionalText,
    fulfillment_status: optionalText,
    tags: z.string().default(""),
    test: z.boolean().default(false),
    source_name: optionalText,
    customer_locale: optionalText,
    // Whether the buyer ticked "email me with news and offers" at checkout; anything but a boolean is "not told".
    buyer_accepts_marketing: z.boolean().nullish().catch(null),
    discount_codes: z.array(z.object({ code: z.string() }).passthrough()).default([]),
    customer: z
      .object({ id, admin_graphql_api_id: gid("Customer").optional(), first_name: lenientText, last_name: lenientText })
      .passthrough()
      .nullish(),
    shipping_address: address.nullish(),
    billing_address: address.nullish(),
    shipping_lines: z.array(z.object({ title: z.string(), code: optionalText, source: optionalText }).passthrough()).default([]),
    line_items: z.array(lineItemSchema),
    fulfillments: z.array(fulfillmentSchema).default([]),
    // Only what tells a return apart; a refunds list Kept cannot read is no return, not a refused order.
    refunds: z
      .array(
        z
          .object({
            created_at: instant.nullish(),
            refund_line_items: z.array(z.object({ restock_type: optionalText }).passthrough()).default([]),
          })
          .passthrough(),
      )
      .default([])
      .catch([]),
  })
  .passthrough();

export const fulfillmentEventSchema = z
  .object({
    id,
    admin_graphql_api_id: gid("FulfillmentEvent").optional(),
    fulfillment_id: id,
    order_id: id,
    status: z.string().min(1),
    message: optionalText,
    happened_at: instant,
    estimated_delivery_at: instant.nullish(),
    city: optionalText,
    country: optionalText,
    zip: optionalText,
  })
  .passthrough();

export const scopesUpdateSchema = z.object({ current: z.array(z.string()) }).passthrough();

const complianceCustomer = z.object({ id, email: optionalText, phone: optionalText }).passthrough();

export const dataRequestSchema = z
  .object({
    shop_domain: z.string(),
    customer: complianceCustomer,
    orders_requested: z.array(id).default([]),
    data_request: z.object({ id }).passthrough(),
  })
  .passthrough();

export const customerRedactSchema = z
  .object({ shop_domain: z.string(), customer: complianceCustomer, orders_to_redact: z.array(id).default([]) })
  .passthrough();

// customers_email_marketing_consent/update (the topic Shopify's docs also write as customers/email_marketing_consent_update).
// States and levels arrive lower-case in webhooks and upper-case in GraphQL; both are stored lower-case.
const CONSENT_STATES = ["subscribed", "not_subscribed", "unsubscribed", "pending", "redacted", "invalid"] as const;
const CONSENT_LEVELS = ["single_opt_in", "confirmed_opt_in", "unknown"] as const;
const lowerCase = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value);

export const emailMarketingConsentSchema = z
  .object({
    customer_id: id,
    email_address: optionalText,
    email_marketing_consent: z
      .object({
        state: z.preprocess(lowerCase, z.enum(CONSENT_STATES, { errorMap: () => ({ message: `must be one of ${CONSENT_STATES.join(", ")}` }) })),
        opt_in_level: z.preprocess(lowerCase, z.enum(CONSENT_LEVELS).nullish()).transform((value) => value ?? null),
        consent_updated_at: instant.nullish().transform((value) => value ?? null),
      })
      .passthrough(),
  })
  .passthrough();

export type OrderPayload = z.infer<typeof orderSchema>;
export type FulfillmentPayload = z.infer<typeof fulfillmentSchema>;
export type FulfillmentEventPayload = z.infer<typeof fulfillmentEventSchema>;
export type EmailMarketingConsentPayload = z.infer<typeof emailMarketingConsentSchema>;

/** A zod error as one readable line: "line_items.0.price: must be a decimal string; ...". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}
