import { shopifyGid } from "~/domain/shopify/gid";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { saveCustomerConsent } from "~/models/follow-ups/customer-consent.server";
import type { EmailMarketingConsentPayload } from "~/schemas/intake/shopify-payloads";
import type { DeliveryTimes } from "../orders/apply-webhook.server";

/**
 * customers_email_marketing_consent/update on the worker's hot path: the customer's state and opt-in level
 * become what the follow-up sender checks before any marketing message (docs/follow-ups.md, "Consent").
 * The record speaks for its consent_updated_at; without one, for when Shopify sent it (X-Shopify-Triggered-At,
 * else when Kept received it), which is the time Shopify itself gives such a record. A record older than the
 * stored one, or the same again, changes nothing and says so; one made before the customer's data was erased
 * is not stored, and its body (the customer's address) is erased with it.
 */
export function applyConsentPayload(db: SqliteDb, shop: string, payload: EmailMarketingConsentPayload, times: DeliveryTimes) {
  const consent = payload.email_marketing_consent;
  const at = consent.consent_updated_at ? new Date(consent.consent_updated_at) : (times.triggeredAt ?? times.receivedAt);
  const customerGid = shopifyGid("Customer", payload.customer_id);
  const outcome = saveCustomerConsent(db, shop, customerGid, { state: consent.state, optInLevel: consent.opt_in_level, at }, times.receivedAt);
  if (outcome === "erased")
    return { customerGid, ignored: "the customer's data was erased (customers/redact) after this update was made: not stored", eraseBody: true };
  return {
    customerGid,
    ignored: outcome === "saved" ? null : `not newer than the consent Kept has for the customer (this one speaks for ${at.toISOString()}): nothing changed`,
  };
}
