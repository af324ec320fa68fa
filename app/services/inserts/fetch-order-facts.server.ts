import { z } from "zod";
import type { NeededFacts, ResolvedFacts } from "~/domain/rules/external-facts";
import { INSERT_ORDER_FACTS_QUERY } from "~/graphql/inserts/insert-order-facts";
import { runAdminOperation, type AdminGraphql } from "../shopify/admin-graphql.server";

/** Shopify answered, but not for this order: retrying will not change that (order or customer not visible). */
export class OrderFactsNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OrderFactsNotFound";
  }
}

// Shopify's answer, validated. numberOfOrders is an UnsignedInt64: digits in a string, never a JSON number.
const answerSchema = z.object({
  order: z
    .object({
      id: z.string(),
      customer: z.object({ id: z.string(), numberOfOrders: z.string().regex(/^\d+$/), tags: z.array(z.string()) }).nullish(),
      lineItems: z.object({ nodes: z.array(z.object({ product: z.object({ id: z.string(), productType: z.string() }).nullable() })) }).optional(),
    })
    .nullable(),
  laterOrders: z.object({ count: z.number().int().nonnegative(), precision: z.enum(["EXACT", "AT_LEAST"]) }).optional(),
});

export type FactsRequest = { orderGid: string; customerGid: string | null; createdAt: Date; needed: NeededFacts };

const legacyId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/**
 * Asks Shopify, in one InsertOrderFacts query, for the facts the rules need and the order's webhook lacks.
 * The order count is the customer's lifetime count minus their orders created after this one (so a decision
 * made late still counts this order's place, not today's total). Transport and GraphQL errors throw (the
 * caller retries or falls back); an order or customer Shopify does not show throws OrderFactsNotFound.
 */
export async function fetchOrderFacts(graphql: AdminGraphql, request: FactsRequest): Promise<ResolvedFacts> {
  const { needed, customerGid } = request;
  const withCustomer = customerGid !== null && (needed.orderCount || needed.customerTags);
  const withCount = customerGid !== null && needed.orderCount;
  const laterOrders = customerGid ? `customer_id:${legacyId(customerGid)} created_at:>'${request.createdAt.toISOString()}'` : "";
  const answer = await runAdminOperation(
    graphql,
    INSERT_ORDER_FACTS_QUERY,
    {
      id: request.orderGid,
      laterOrders,
      withCustomer,
      withCount,
      withProducts: needed.productTypes,
    },
    answerSchema,
  );
  if (!answer.order) throw new OrderFactsNotFound(`Shopify shows no order ${request.orderGid} (older than 60 days without read_all_orders, or deleted)`);
  const facts: ResolvedFacts = {};
  if (withCustomer && !answer.order.customer) throw new OrderFactsNotFound(`Shopify shows no customer on order ${request.orderGid}`);
  const customer = answer.order.customer ?? null;
  if (needed.orderCount) {
    if (!customer) facts.orderCount = { value: null, origin: "guest" };
    else {
      if (answer.laterOrders?.precision !== "EXACT") throw new OrderFactsNotFound("Shopify could not count the customer's later orders exactly");
      // The lifetime count may not include an order created a moment ago yet; this order is at least #1.
      facts.orderCount = { value: Math.max(1, Number(customer.numberOfOrders) - answer.laterOrders.count), origin: "shopify" };
    }
  }
  if (needed.customerTags) facts.customerTags = customer ? { value: customer.tags, origin: "shopify" } : { value: [], origin: "guest" };
  if (needed.productTypes) {
    const types: Record<string, string> = {};
    for (const { product } of answer.order.lineItems?.nodes ?? []) if (product && product.productType.trim()) types[product.id] = product.productType;
    facts.productTypes = { value: types, origin: "shopify" };
  }
  return facts;
}
