import prisma from "~/models/db/prisma.server";
import { DEFAULT_INSERTS } from "~/domain/templates/default-inserts";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { orderPayload } from "../factories/payloads";
import { storeInsertRule, storeInsertTemplate } from "../support/insert-storage";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";

export const deliver = (topic: string, payload: unknown, options?: WebhookOptions) =>
  receiveWebhook(webhookRequest(topic, payload, options), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 8 << 20 });

export const gid = (id: number | string) => `gid://shopify/Order/${id}`;

/** An orders/create payload for a returning or new customer; `customer: null` makes a guest. */
export function order(id: number, overrides: Record<string, unknown> = {}) {
  return orderPayload(id, {
    name: `#${id}`,
    customer: { id: 501, admin_graphql_api_id: "gid://shopify/Customer/501", first_name: "Anna", email: "anna@example.se" },
    ...overrides,
  });
}

export async function storeDefaultTemplates(shop = TEST_SHOP) {
  for (const [id, insert] of Object.entries(DEFAULT_INSERTS)) {
    await storeInsertTemplate(prisma, shop, { id, name: insert.name, paperSize: null, fallbackLocale: "en", variants: insert.templates });
  }
}

type RuleInput = { id: string; version?: number; priority?: number; conditions?: unknown; actions?: unknown; stopAfter?: boolean; holdoutPercent?: number };

export function rule(input: RuleInput) {
  return {
    name: `Rule ${input.id}`,
    priority: 10,
    conditions: { op: "and", items: [] },
    actions: { insertTemplateId: "first-order-thanks" },
    ...input,
  };
}

export async function storeRule(input: RuleInput, options: { stockLeft?: number | null; shop?: string } = {}) {
  return storeInsertRule(prisma, options.shop ?? TEST_SHOP, rule(input), { stockLeft: options.stockLeft });
}

export async function storeSession(shop = TEST_SHOP) {
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "installed", scope: TEST_ENV.SCOPES, accessToken: `shpat_${shop}` } });
}

export async function decisionOf(id: number | string, shop = TEST_SHOP) {
  const evaluation = await prisma.insertEvaluation.findUnique({ where: { shop_orderGid: { shop, orderGid: gid(id) } } });
  const assignments = await prisma.insertAssignment.findMany({ where: { shop, orderGid: gid(id) }, orderBy: { createdAt: "asc" } });
  return { evaluation, assignments, rules: assignments.map((assignment) => (assignment.holdout ? `(${assignment.ruleId})` : assignment.ruleId)) };
}

export const jobsOfType = (type: string, shop = TEST_SHOP) => prisma.job.findMany({ where: { shop, type }, orderBy: { createdAt: "asc" } });
