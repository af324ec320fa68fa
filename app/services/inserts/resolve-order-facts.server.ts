import { needsAnyFact, type NeededFacts, type ResolvedFacts } from "~/domain/rules/external-facts";
import { countCustomerOrdersBefore } from "~/models/orders/customer-history.server";
import { unauthenticated } from "~/shopify.server";
import { AdminApiAnswerError, adminErrorCodes, type AdminGraphql } from "../shopify/admin-graphql.server";
import { fetchOrderFacts, OrderFactsNotFound } from "./fetch-order-facts.server";
import { errorText } from "~/domain/errors/error-text";

/**
 * Attempts of the inserts.assign job at asking Shopify before Kept decides with its own history. The outbox
 * waits 2 s, then 4 s between them (plus up to 20% jitter; job.server.ts backoffMs): about 7 s at most, plus
 * the time each attempt takes to fail (at most FACTS_TIMEOUT_MS).
 */
export const FACT_ATTEMPTS = 3;
/** One attempt gives up after this long, so an unreachable Shopify cannot hold the worker. */
const FACTS_TIMEOUT_MS = 10_000;

/** Shopify could not answer this attempt; the job is retried with the outbox's backoff. */
class FactsRetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FactsRetryLater";
  }
}

export type FactsOrder = { orderGid: string; customerGid: string | null; createdAtShopify: Date };

/** Why Shopify's answer is missing, in the words the order page and the trial run show. */
function failureReason(error: unknown): string {
  const codes = adminErrorCodes(error);
  if (codes.includes("ACCESS_DENIED")) return "Admin API access denied";
  if (codes.includes("THROTTLED")) return "Admin API throttled";
  if (error instanceof OrderFactsNotFound) return "Shopify had no answer for this order";
  if (error instanceof AdminApiAnswerError) return "unexpected Admin API answer";
  return "Admin API unreachable";
}

/** Failures another attempt cannot mend: access not granted, no such order for Shopify, an answer Kept cannot read. */
const isFinal = (error: unknown) =>
  error instanceof OrderFactsNotFound || error instanceof AdminApiAnswerError || adminErrorCodes(error).includes("ACCESS_DENIED");

/** Facts of a guest checkout: no customer, so no order count and no tags (nothing to ask Shopify). */
function guestFacts(needed: NeededFacts): ResolvedFacts {
  return {
    ...(needed.orderCount ? { orderCount: { value: null, origin: "guest" as const } } : {}),
    ...(needed.customerTags ? { customerTags: { value: [], origin: "guest" as const } } : {}),
  };
}

/**
 * Kept's own answer: the customer's stored orders created before this one (+1 for this order). Kept has no
 * record of customer tags or product types, so those stay unknown and their conditions do not match.
 */
async function keptHistoryFacts(shop: string, order: FactsOrder, needed: NeededFacts, reason: string): Promise<ResolvedFacts> {
  const facts: ResolvedFacts = { ...guestFacts(needed), fallbackReason: reason };
  if (order.customerGid && needed.orderCount) {
    facts.orderCount = { value: 1 + (await countCustomerOrdersBefore(shop, order.customerGid, order.createdAtShopify)), origin: "kept-history" };
  }
  if (order.customerGid && needed.customerTags) facts.customerTags = { value: null, origin: "unknown" };
  if (needed.productTypes) facts.productTypes = { value: null, origin: "unknown" };
  return facts;
}

async function adminFor(shop: string): Promise<AdminGraphql> {
  const { admin } = await unauthenticated.admin(shop);
  return (query, options) => admin.graphql(query, { ...options, signal: AbortSignal.timeout(FACTS_TIMEOUT_MS) });
}

/**
 * The facts the shop's rules need for this order, asked from Shopify only when some rule needs one (rules
 * without order-count, customer-tag or product-type conditions make no Admin API call, and neither does a
 * guest order unless product types are needed). When Shopify cannot answer (unreachable, throttled), the
 * job is retried (FactsRetryLater) until its FACT_ATTEMPTS-th attempt; then, or at once when retrying cannot
 * help (access denied, no such order, an answer of the wrong shape), Kept decides with its own history: the
 * order is never blocked.
 * `attempt` is the job's attempt (1-based); without it (a direct call) there is one try.
 */
export async function resolveOrderFacts(shop: string, order: FactsOrder, needed: NeededFacts, options: { attempt?: number } = {}): Promise<ResolvedFacts> {
  if (!needsAnyFact(needed)) return {};
  const asksShopify = needed.productTypes || (order.customerGid !== null && (needed.orderCount || needed.customerTags));
  if (!asksShopify) return guestFacts(needed);
  try {
    return await fetchOrderFacts(await adminFor(shop), { orderGid: order.orderGid, customerGid: order.customerGid, createdAt: order.createdAtShopify, needed });
  } catch (error: unknown) {
    const reason = failureReason(error);
    if (!isFinal(error) && options.attempt !== undefined && options.attempt < FACT_ATTEMPTS) {
      throw new FactsRetryLater(`${reason} (attempt ${options.attempt} of ${FACT_ATTEMPTS}, retrying): ${errorText(error)}`);
    }
    console.warn(`[inserts] ${shop} ${order.orderGid}: deciding with Kept's history (${reason}): ${errorText(error)}`);
    return keptHistoryFacts(shop, order, needed, reason);
  }
}
