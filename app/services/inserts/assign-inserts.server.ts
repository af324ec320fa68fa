import { createHash } from "node:crypto";
import { z } from "zod";
import { inTransaction } from "~/models/db/prisma.server";
import { toRuleOrder } from "~/domain/orders/order-record";
import { compileRules, type CompiledRuleSet } from "~/domain/rules/compile-rules";
import { applyResolvedFacts, findNeededFacts, type NeededFacts } from "~/domain/rules/external-facts";
import type { Rule } from "~/domain/rules/rule-model";
import { hasEvaluation, recordEvaluationOnce, takeOneFromStock } from "~/models/inserts/insert-evaluation.server";
import { findLiveRules, findTemplates, readStockLeft } from "~/models/inserts/insert-pipeline.server";
import { ensureInsertSettings } from "~/models/inserts/insert-settings.server";
import { findOrderRecord } from "~/models/orders/order.server";
import { completeJob, type ClaimedJob } from "~/models/jobs/job.server";
import { parseRule } from "~/schemas/inserts/insert-rule";
import { decideInserts, noParcelReason, type OrderFacts, type ShopInsertContext } from "~/domain/inserts/decide-inserts";
import { choosePersonalCode } from "./personal-code.server";
import { queueDiscountJob, queueWriteBack } from "./queue-insert-jobs.server";
import { resolveOrderFacts } from "./resolve-order-facts.server";
import { gidPrefix } from "~/domain/shopify/gid";

/** Another worker took the last item of `ruleId` between our read and our update. */
class StockRace extends Error {
  constructor(readonly ruleId: string) {
    super(`stock of ${ruleId} ran out concurrently`);
  }
}
class AlreadyDecided extends Error {}

// Parsing and compiling are paid once per shop and set of rule documents, not per order. Keyed by the
// documents themselves, not only id:version, so the cache can never serve a stale rule.
const compiledCache = new Map<string, { rules: Rule[]; compiled: CompiledRuleSet; problems: string[]; needed: NeededFacts }>();

function compileDocuments(shop: string, rows: { id: string; version: number; document: string }[]) {
  const key = `${shop}|${createHash("sha256")
    .update(
      rows
        .map((row) => `${row.id}:${row.version}:${row.document}`)
        .sort()
        .join("\n"),
    )
    .digest("hex")}`;
  const cached = compiledCache.get(key);
  if (cached) return cached;
  const problems: string[] = [];
  const rules: Rule[] = [];
  for (const row of rows) {
    const parsed = parseRule(JSON.parse(row.document));
    if (parsed.ok) rules.push({ ...parsed.rule, id: row.id, version: row.version, active: true });
    else problems.push(`Rule "${row.id}" could not be read and was skipped: ${parsed.errors.map((error) => `${error.path} ${error.message}`).join("; ")}`);
  }
  if (compiledCache.size > 200) compiledCache.clear();
  const entry = { rules, compiled: compileRules(rules), problems, needed: findNeededFacts(rules) };
  compiledCache.set(key, entry);
  return entry;
}

async function loadShopContext(shop: string): Promise<ShopInsertContext & { stock: Map<string, number | null>; needed: NeededFacts }> {
  const [settings, rows] = await Promise.all([ensureInsertSettings(shop), findLiveRules(shop)]);
  const { rules, compiled, problems, needed } = compileDocuments(shop, rows);
  const templateIds = [...new Set(rules.flatMap((rule) => (rule.actions.insertTemplateId ? [rule.actions.insertTemplateId] : [])))];
  const templates = (await findTemplates(shop, templateIds)).filter((template) => template.archivedAt === null);
  return {
    compiled,
    rulesById: new Map(rules.map((rule) => [rule.id, rule])),
    problems,
    templates: new Map(templates.map((template) => [template.id, { version: template.version, name: template.name }])),
    maxInsertsPerParcel: settings.maxInsertsPerParcel,
    holdoutSalt: settings.holdoutSalt,
    stock: new Map(rows.map((row) => [row.id, row.stockLeft])),
    needed,
  };
}

/** Stock as the engine reads it: only rules with a physical item have a key (null = unlimited). */
function stockFor(context: ShopInsertContext, stock: Map<string, number | null>, outOfStock: Set<string>) {
  const entries = [...context.rulesById.values()]
    .filter((rule) => rule.actions.physicalItem)
    .map((rule) => [rule.id, outOfStock.has(rule.id) ? 0 : (stock.get(rule.id) ?? null)] as const);
  return Object.fromEntries(entries);
}

export type AssignOutcome = "recorded" | "already-decided" | "no-order";

/**
 * Decides an order's inserts once and stores the decision, the stock taken, the chosen codes, the packing
 * plan and the follow-on jobs in one transaction (with the job's completion when `jobId` is given). When
 * another order took the last item meanwhile, that rule counts as out of stock and the order is decided
 * again, so the next matching rule applies: no order is ever blocked. The facts the rules need beyond the
 * order record come from Shopify, or from Kept's history after `factsAttempt` reaches FACT_ATTEMPTS
 * (resolve-order-facts.server.ts), and are stored with the decision. `stockSnapshot` replaces the first read
 * of the stock (tests use it to stage a stale read).
 */
export async function assignInsertsForOrder(
  shop: string,
  orderGid: string,
  options: { jobId?: string; factsAttempt?: number; stockSnapshot?: Map<string, number | null> } = {},
): Promise<AssignOutcome> {
  const finish = async (outcome: AssignOutcome) => {
    if (options.jobId) await inTransaction((tx) => completeJob(tx, options.jobId as string));
    return outcome;
  };
  if (await hasEvaluation(shop, orderGid)) return finish("already-decided");
  const order = await findOrderRecord(shop, orderGid);
  if (!order) return finish("no-order");
  const context = await loadShopContext(shop);
  const facts: OrderFacts = {
    ruleOrder: toRuleOrder(order),
    createdAt: order.createdAtShopify,
    cancelled: order.cancelledAt !== null,
    firstName: order.customerFirstName,
  };
  // The facts order webhooks lack, only for orders that get a parcel (FactsRetryLater makes the job retry).
  const known = noParcelReason(facts) ? {} : await resolveOrderFacts(shop, order, context.needed, { attempt: options.factsAttempt });
  facts.ruleOrder = applyResolvedFacts(facts.ruleOrder, known);
  const outOfStock = new Set<string>();
  let stock = options.stockSnapshot ?? context.stock;
  for (let attempt = 0; attempt <= context.rulesById.size; attempt += 1) {
    const decision = decideInserts(context, facts, stockFor(context, stock, outOfStock), choosePersonalCode);
    try {
      return await inTransaction(async (tx) => {
        const warnings = [...decision.warnings];
        for (const take of decision.stockTakes) {
          const left = await takeOneFromStock(tx, shop, take.ruleId, new Date());
          if (left === null) throw new StockRace(take.ruleId);
          if (left === 0) warnings.push(`"${take.label}" ran out with order ${order.name}: later orders get the next matching rule until it is restocked.`);
        }
        const row = {
          shop,
          orderGid,
          evaluatedFor: order.createdAtShopify,
          ruleVersions: decision.ruleVersions,
          packingPlan: decision.packingPlan,
          skipped: decision.skipped,
          warnings,
        };
        if (!(await recordEvaluationOnce(tx, { ...row, facts: known }, decision.assignments))) throw new AlreadyDecided();
        const codes = decision.assignments.filter((assignment) => assignment.discountStatus === "pending");
        for (const code of codes) await queueDiscountJob(tx, shop, orderGid, code.ruleId, order.customerGid);
        if (codes.length === 0 && decision.assignments.some((assignment) => !assignment.holdout)) {
          await queueWriteBack(tx, shop, orderGid, decision.packingPlan, order.customerGid);
        }
        if (options.jobId) await completeJob(tx, options.jobId);
        return "recorded" as const;
      });
    } catch (error: unknown) {
      if (error instanceof AlreadyDecided) return finish("already-decided");
      if (!(error instanceof StockRace)) throw error;
      outOfStock.add(error.ruleId);
      stock = await readStockLeft(shop, [...context.rulesById.keys()]);
    }
  }
  throw new Error(`could not settle the insert stock for ${orderGid}`);
}

const payloadSchema = z.object({ orderGid: z.string().startsWith(gidPrefix("Order")) });

/** The outbox job "inserts.assign" (queued by the worker when an order is first seen). */
export async function runInsertAssignJob(job: ClaimedJob): Promise<void> {
  const payload = payloadSchema.safeParse(JSON.parse(job.payload));
  if (!payload.success) throw new Error(`inserts.assign: invalid payload ${job.payload}`);
  await assignInsertsForOrder(job.shop, payload.data.orderGid, { jobId: job.id, factsAttempt: job.attempts });
}
