import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { decideFollowUps, listFollowUpLog } from "~/models/follow-ups/follow-up-log.server";
import { getFollowUpRule, saveFollowUpRule } from "~/models/follow-ups/follow-up-rules.server";
import { decideOnFollowUps } from "~/services/follow-ups/follow-up-log.server";
import { loadFollowUpsOverview } from "~/services/follow-ups/follow-ups-overview.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";
import { ruleDocument } from "./follow-up-fixtures";

// The admin's side of follow-ups on a real SQLite file: saving rule versions, the send log's filters and
// the merchant's decisions on dead letters.

const document = (over: Record<string, unknown> = {}) =>
  ruleDocument({ delay: { days: 7, hours: 0 }, afterBrokenPromise: { action: "apology-first", delayDays: 3 }, ...over });

let hook = 0;
async function placeOrder(id: number, name: string, customer: string) {
  hook += 1;
  const [first, last] = customer.split(" ");
  const response = await receiveWebhook(
    webhookRequest("orders/create", orderPayload(id, { name, customer: { id: id + 1, first_name: first, last_name: last, email: `${first}@example.se` } }), {
      webhookId: `admin-${hook}`,
    }),
    { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 },
  );
  expect(response.status).toBe(200);
}

/** A follow-up row of the review rule for order `id` in `status`. */
async function row(id: number, status: string, sendAt: string, extra: Record<string, unknown> = {}) {
  return prisma.followUp.create({
    data: {
      shop: TEST_SHOP,
      orderGid: `gid://shopify/Order/${id}`,
      ruleId: "review",
      ruleVersion: 1,
      trigger: "review-request",
      status,
      sendAt: new Date(sendAt),
      category: "marketing",
      messageId: `<m-${id}@${TEST_SHOP}>`,
      ...extra,
    },
  });
}

beforeEach(async () => {
  await resetDatabase();
  await placeOrder(1201, "#1201", "Anna Lindqvist");
  await placeOrder(1202, "#1202", "Jonas Weber");
  await placeOrder(1203, "#1203", "Åsa Berg");
  await drainJobs();
  expect((await saveFollowUpRule(TEST_SHOP, document(), 0)).ok).toBe(true);
});

describe("follow-up rules and the send log", () => {
  it("saves a rule as its next version and refuses a save that started from an older one", async () => {
    const second = await saveFollowUpRule(TEST_SHOP, document({ name: "Ask for a review" }), 1);
    expect(second).toEqual({ ok: true, id: "review", version: 2 });
    const stale = await saveFollowUpRule(TEST_SHOP, document({ name: "Someone else's edit" }), 1);
    expect(stale).toMatchObject({ ok: false, conflict: true });
    const stored = await getFollowUpRule(TEST_SHOP, "review");
    expect(stored).toMatchObject({ name: "Ask for a review", version: 2, rule: { name: "Ask for a review", version: 2 } });
    const invalid = await saveFollowUpRule(TEST_SHOP, document({ delay: { days: 400, hours: 0 } }), 2);
    expect(invalid).toMatchObject({ ok: false, conflict: false, errors: [{ path: "delay.days", message: "At most 90 days" }] });
  });

  it("filters the log by state and by the order's words, newest planned time first", async () => {
    await row(1201, "sent", "2026-11-20T09:00:00Z", { toEmail: "anna@example.se", sentAt: new Date("2026-11-20T09:00:05Z") });
    await row(1202, "failed", "2026-11-22T09:00:00Z", { lastError: "550 No such user", attempts: 1 });
    await row(1203, "skipped", "2026-11-21T09:00:00Z", { reason: "the customer did not agree to marketing email" });
    const all = await listFollowUpLog(TEST_SHOP, {}, { skip: 0, take: 50 });
    expect(all.entries.map((entry) => entry.order.name)).toEqual(["#1202", "#1203", "#1201"]);
    expect((await listFollowUpLog(TEST_SHOP, { status: "failed" }, { skip: 0, take: 50 })).entries.map((entry) => entry.order.name)).toEqual(["#1202"]);
    expect((await listFollowUpLog(TEST_SHOP, { search: "åsa" }, { skip: 0, take: 50 })).entries.map((entry) => entry.order.name)).toEqual(["#1203"]);
    expect((await listFollowUpLog(TEST_SHOP, { search: "1201" }, { skip: 0, take: 50 })).entries.map((entry) => entry.order.name)).toEqual(["#1201"]);
    const page = await listFollowUpLog(TEST_SHOP, {}, { skip: 0, take: 2 });
    expect(page.hasNext).toBe(true);
    expect((await listFollowUpLog("other.myshopify.com", {}, { skip: 0, take: 50 })).entries).toEqual([]);
  });

  it("tries failed and unknown messages again only when the merchant says so, and never touches sent ones", async () => {
    const sent = await row(1201, "sent", "2026-11-20T09:00:00Z");
    const failed = await row(1202, "failed", "2026-11-22T09:00:00Z", { attempts: 5, lastError: "451 busy" });
    const unknown = await row(1203, "unknown", "2026-11-21T09:00:00Z", { messageId: "<kept-1203@shop>" });
    const now = new Date("2026-11-25T12:00:00Z");
    expect(await decideFollowUps(TEST_SHOP, [sent.id], "retry", now)).toBe(0);
    expect(await decideOnFollowUps(TEST_SHOP, { intent: "retry-all" }, now)).toMatchObject({ ok: true, message: expect.stringContaining("1 message goes") });
    const after = await prisma.followUp.findMany({ where: { shop: TEST_SHOP }, orderBy: { orderGid: "asc" } });
    expect(after.map((entry) => [entry.orderGid.split("/").pop(), entry.status])).toEqual([
      ["1201", "sent"],
      ["1202", "scheduled"],
      ["1203", "unknown"], // "retry all" leaves a message that may have arrived to the merchant
    ]);
    expect(after[1]).toMatchObject({ attempts: 0, sendAt: now });
    expect(await decideOnFollowUps(TEST_SHOP, { intent: "retry", id: unknown.id }, now)).toMatchObject({ ok: true });
    // The same Message-ID: a mailbox that did get the first shows one
    expect(await prisma.followUp.findUnique({ where: { id: unknown.id } })).toMatchObject({ status: "scheduled", messageId: "<kept-1203@shop>" });
    expect(await decideOnFollowUps(TEST_SHOP, { intent: "cancel", id: failed.id }, now)).toMatchObject({
      ok: true,
      message: "Cancelled: this message will not go out.",
    });
    expect(await decideOnFollowUps(TEST_SHOP, { intent: "cancel", id: sent.id }, now)).toMatchObject({ ok: false });
  });

  it("counts each rule's messages by state, with the reasons it held some back", async () => {
    await row(1201, "sent", "2026-11-20T09:00:00Z");
    await row(1202, "skipped", "2026-11-22T09:00:00Z", { reason: "the customer did not agree to marketing email" });
    await row(1203, "skipped", "2026-11-21T09:00:00Z", { reason: "the customer did not agree to marketing email" });
    const overview = await loadFollowUpsOverview(TEST_SHOP);
    expect(overview.rules).toEqual([
      expect.objectContaining({
        id: "review",
        state: "active",
        trigger: "Review request",
        timing: "7 days after the order arrived",
        sent: 1,
        held: 2,
        heldBy: [{ reason: "the customer did not agree to marketing email", count: 2 }],
      }),
    ]);
  });
});
