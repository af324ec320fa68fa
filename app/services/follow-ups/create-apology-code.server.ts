import { errorText } from "~/domain/errors/error-text";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { inTransaction } from "~/models/db/prisma.server";
import {
  chooseFollowUpCode,
  findFollowUpCode,
  recordFollowUpCode,
  recordFollowUpCodeCreated,
  replaceFollowUpCode,
  type CodeOutcome,
} from "~/models/follow-ups/follow-up-code.server";
import type { ClaimedJob } from "~/models/jobs/job.server";
import { unauthenticated } from "~/shopify.server";
import { queueApologyCodeIssued } from "../flow/queue-flow-triggers.server";
import { createPersonalDiscount } from "../inserts/create-personal-discount.server";
import { choosePersonalCode } from "../inserts/personal-code.server";
import type { AdminGraphql } from "../shopify/admin-graphql.server";
import { marketingHold, offersCode } from "./apology-code.server";
import { gate, loadSendState } from "./send-follow-up.server";

// An apology's personal code, made in Shopify by the send job before it claims the row (docs/follow-ups.md,
// "Codes in apologies"), with the insert codes' machinery: the code is chosen and committed on the row first,
// so a retry after a crash or a lost answer asks for the same code, and Shopify's "code taken" for our own
// title counts as made. Nothing is claimed while Shopify is asked, so a slow or dead Shopify never leaves a
// row `sending`. Transport errors throw (the outbox retries the job with backoff); on the job's last
// attempt, and when Shopify refuses, the code is recorded as failed and the apology goes without it.

const DAY_MS = 86_400_000;

/** The Admin API for the shop's offline session. */
async function adminFor(shop: string): Promise<AdminGraphql> {
  const { admin } = await unauthenticated.admin(shop);
  return (query, options) => admin.graphql(query, options);
}

/** Makes the row's code when it is due now and may carry one; does nothing for any other row. */
export async function prepareApologyCode(db: SqliteDb, job: ClaimedJob, id: string, now: Date): Promise<void> {
  const state = loadSendState(db, job.shop, id);
  if ("status" in state || !offersCode(state) || state.row.status !== "scheduled" || state.row.sendAt > now) return;
  const discount = state.rule.discount;
  if (!discount) return;
  const stored = findFollowUpCode(db, job.shop, id);
  if (!stored || (stored.status !== null && stored.status !== "pending")) return;
  // Not going out now (cancelled, quiet hours, suppressed): the send step records why; no code is made.
  if (gate(db, state, now)) return;
  const record = (outcome: CodeOutcome) => recordFollowUpCode(db, job.shop, id, outcome);
  const hold = marketingHold(db, state, now);
  if (hold) return record({ status: "withheld", error: hold.reason });
  const choice = () => choosePersonalCode({ prefix: discount.prefix, firstName: state.order.customerFirstName });
  if (!stored.code) chooseFollowUpCode(db, job.shop, id, { code: choice(), expiresAt: new Date(now.getTime() + discount.expiresInDays * DAY_MS) });
  const chosen = findFollowUpCode(db, job.shop, id);
  if (!chosen?.code || !chosen.expiresAt) return;
  try {
    const result = await createPersonalDiscount(await adminFor(job.shop), {
      code: chosen.code,
      // Stable across retries (no rule name the merchant may edit): how a retry recognizes its own code.
      title: `Kept apology code ${state.order.name} (${state.rule.id})`,
      customerGid: state.order.customerGid,
      kind: discount.kind,
      value: discount.value,
      startsAt: new Date(chosen.expiresAt.getTime() - discount.expiresInDays * DAY_MS),
      endsAt: chosen.expiresAt,
    });
    if (result.ok) {
      const code = chosen.code;
      // The Flow event "Apology code issued" (docs/flow.md) commits with the code, once per order.
      await inTransaction(async (tx) => {
        if (await recordFollowUpCodeCreated(tx, job.shop, id, result.discountGid))
          await queueApologyCodeIssued(tx, job.shop, { orderGid: state.row.orderGid, code }, new Date());
      });
      return;
    }
    if (result.reason === "refused") return record({ status: "failed", error: `Shopify refused the code: ${result.message}` });
    replaceFollowUpCode(db, job.shop, id, choice());
    throw new Error(`code ${chosen.code} belongs to another discount; a new code was chosen`);
  } catch (error: unknown) {
    if (job.attempts < job.maxAttempts) throw error;
    record({ status: "failed", error: `Shopify could not create the code: ${errorText(error)}` });
  }
}
