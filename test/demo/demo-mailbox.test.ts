import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addRule, openSendWindowAllDay, storePromiseSettings } from "../follow-ups/follow-up-fixtures";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { recordShopTimeZone } from "~/models/shop/shop.server";
import { loader as appLoader } from "~/routes/app";
import { loader } from "~/routes/app.demo-mailbox/route";
import { followUpsJobs } from "~/services/follow-ups/follow-ups-jobs.server";
import { closeMailTransports } from "~/services/follow-ups/mail-transport.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { reloadEnv } from "~/utils/env.server";
import { startMailCatcher } from "../../scripts/demo-mail-catcher.mjs";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { startApp } from "../support/app-process";
import { callRoute } from "../support/route-call";
import { adminRequest, storeOfflineSession } from "../support/session-token";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { waitUntil } from "../support/wait-until";
import { webhookRequest } from "../support/webhooks";

// The Demo mailbox page: a follow-up goes from a signed webhook through the worker and nodemailer to the demo's
// mail catcher (a real smtp-server on loopback), and the page lists it and shows it; outside demo mode, 404.

const dir = mkdtempSync(path.join(tmpdir(), "kept-demo-mailbox-"));
const catcher = await startMailCatcher({ port: 0, dir });
Object.assign(process.env, { SMTP_URL: catcher.url, MAIL_FROM: "care@kept.test", KEPT_DEMO: "1", DEMO_SHOP: TEST_SHOP, DEMO_MAILBOX_DIR: dir });
reloadEnv();

afterAll(async () => {
  closeMailTransports();
  await catcher.close();
  rmSync(dir, { recursive: true, force: true });
});

type Row = {
  id: string;
  to: string;
  subject: string;
  language: string | null;
  received: string;
  receivedAt: string;
  category: string;
  trigger: string | null;
  order: { name: string; legacyId: string } | null;
};
type Mailbox = {
  total: number;
  rows: Row[];
  selected: (Row & { html: string | null; text: string | null; headers: { name: string; value: string }[] }) | null;
};
const mailbox = async (query = "") =>
  (await callRoute(loader, new Request(`http://localhost:3000/app/demo-mailbox${query}`))) as { status: number; body: Mailbox };

let hook = 0;
async function deliver(topic: string, payload: unknown) {
  hook += 1;
  const response = await receiveWebhook(webhookRequest(topic, payload, { webhookId: `mb-${hook}` }), {
    secret: TEST_ENV.SHOPIFY_API_SECRET,
    maxBytes: 1 << 20,
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  await storePromiseSettings();
  await recordShopTimeZone(prisma, TEST_SHOP, "Europe/Stockholm");
  await storeOfflineSession(TEST_SHOP);
  // The sender reads the real clock: with quiet hours the message would wait for tomorrow in the evening.
  await openSendWindowAllDay();
  await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
  // GIVEN an order to Berlin that arrived on 19 November, and the worker's follow-up scan
  const [email, at] = ["jonas.weber@example.de", "2026-11-19T15:00:00+01:00"];
  await deliver(
    "orders/create",
    orderPayload(4101, {
      name: "#4101",
      email,
      customer_locale: "de",
      customer: { id: 4601, first_name: "Jonas", email },
      created_at: "2026-11-16T10:00:00+01:00",
      updated_at: "2026-11-16T10:00:00+01:00",
      shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin" },
    }),
  );
  await deliver("fulfillments/create", fulfillmentPayload(41010, 4101, { created_at: "2026-11-17T09:00:00+01:00", updated_at: "2026-11-17T09:00:00+01:00" }));
  await deliver(
    "fulfillment_events/create",
    fulfillmentEventPayload(410100, 41010, 4101, { status: "delivered", happened_at: at, created_at: at, updated_at: at }),
  );
  await drainJobs();
  followUpsJobs.scheduled?.[0].run(getWorkerDb(), new Date());
  await drainJobs();
  await waitUntil(() => readdirSync(dir).length === 1, "the follow-up in the catcher's folder");
  // AND, after it, a message that is not a follow-up, and another shop's follow-up (not this shop's to see)
  const transport = nodemailer.createTransport({ url: catcher.url });
  await transport.sendMail({ from: "someone@example.org", to: "lea@example.se", subject: "Ein Test von Hand", text: "Hallo" });
  await transport.sendMail({
    from: "b@kept.test",
    to: "x@example.se",
    subject: "Other shop",
    text: "x",
    messageId: `<m1@${OTHER_SHOP}>`,
    headers: { "X-Kept-Follow-Up": "abc" },
  });
  transport.close();
  await waitUntil(() => readdirSync(dir).length === 3, "all three messages in the catcher's folder");
});

describe("the Demo mailbox page, in demo mode", () => {
  it("lists the caught messages newest first: recipient, subject, language, when in the shop's zone, category and order", async () => {
    const { status, body } = await mailbox();
    expect(status).toBe(200);
    const sent = await prisma.followUp.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    expect(sent).toMatchObject({ status: "sent", toEmail: "jonas.weber@example.de", locale: "de" });
    expect(body.total).toBe(2);
    expect(body.rows.map((row) => [row.to, row.subject, row.language, row.category, row.trigger, row.order?.name ?? null])).toEqual([
      ["lea@example.se", "Ein Test von Hand", null, "not a Kept follow-up", null, null],
      ["jonas.weber@example.de", sent.subject, "de", "transactional", "arrived", "#4101"],
    ]);
    // Stockholm is UTC+1 in December: the shown hour is the shop's
    const row = body.rows[1]!;
    const hour = (new Date(row.receivedAt).getUTCHours() + 1) % 24;
    expect(row.received).toMatch(new RegExp(`^\\w{3} \\d{1,2} \\w{3}, ${String(hour).padStart(2, "0")}:\\d{2}$`));
  });

  it("finds messages by recipient or order number, and says when nothing matches", async () => {
    for (const query of ["4101", "%234101", "JONAS.weber", "example.de"]) {
      expect(
        (await mailbox(`?q=${query}`)).body.rows.map((row) => row.order?.name),
        query,
      ).toEqual(["#4101"]);
    }
    expect((await mailbox("?q=nobody%40example.com")).body.rows).toEqual([]);
  });

  it("shows one message whole: its HTML and plain-text parts and the headers that matter", async () => {
    const [, kept] = (await mailbox()).body.rows;
    const { body } = await mailbox(`?id=${kept!.id}`);
    const sent = await prisma.followUp.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    expect(body.selected?.html).toContain("Jonas");
    expect(body.selected?.text).toContain("Jonas");
    const headers = Object.fromEntries(body.selected!.headers.map((header) => [header.name, header.value]));
    expect(headers).toMatchObject({
      To: "jonas.weber@example.de",
      "Content-Language": "de",
      "Message-ID": sent.messageId,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(headers.From).toContain("<care@kept.test>");
    expect(headers["List-Unsubscribe"]).toMatch(/^<https:\/\/kept\.test\/unsubscribe\/[^>]+>$/);
    // An id that is not a caught message's shows nothing (and a malformed one is ignored)
    expect((await mailbox("?id=20261207T000000000Z-00000000")).body.selected).toBeNull();
    expect((await mailbox("?id=../../etc/passwd")).body.selected).toBeNull();
  });

  it("is in the navigation", async () => {
    const { body } = await callRoute(appLoader, new Request("http://localhost:3000/app"));
    expect((body as { navItems: { to: string }[] }).navItems.map((item) => item.to)).toContain("/app/demo-mailbox");
  });

  it("renders over HTTP: the HTML part in a sandboxed iframe without scripts, the plain text, the headers; and an empty mailbox says what to do", async () => {
    const env = { KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP: TEST_SHOP, DEMO_MAILBOX_DIR: dir, SMTP_URL: catcher.url, WORKER_IN_PROCESS: "0" };
    const app = await startApp(env, process.env.DATABASE_URL);
    const empty = await startApp({ ...env, DEMO_MAILBOX_DIR: path.join(dir, "none-yet") }, process.env.DATABASE_URL);
    try {
      const [, kept] = (await mailbox()).body.rows;
      const response = await fetch(`${app.url}/app/demo-mailbox?id=${kept!.id}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      const iframe = /<iframe[^>]*>/.exec(html)?.[0] ?? "";
      expect(iframe).toMatch(/ sandbox="allow-popups allow-popups-to-escape-sandbox"/);
      expect(iframe).not.toMatch(/allow-scripts|allow-same-origin/);
      expect(iframe).toMatch(/ srcDoc="[^"]*Content-Security-Policy[^"]*Jonas/);
      expect(html).toContain("Plain-text part");
      expect(html).toContain("List-Unsubscribe");
      expect(html).toContain(">Demo mailbox<");
      const none = await (await fetch(`${empty.url}/app/demo-mailbox`)).text();
      expect(none).toContain("No messages yet: follow-ups go to smtp://127.0.0.1:");
    } finally {
      await app.stop();
      await empty.stop();
    }
  });
});

describe("outside demo mode", () => {
  it("answers 404, and the navigation has no Demo mailbox", async () => {
    process.env.KEPT_DEMO = "0";
    reloadEnv();
    try {
      expect((await callRoute(loader, await adminRequest(TEST_SHOP, "/app/demo-mailbox"))).status).toBe(404);
      const { body } = await callRoute(appLoader, await adminRequest(TEST_SHOP, "/app"));
      expect((body as { navItems: { to: string }[] }).navItems.map((item) => item.to)).not.toContain("/app/demo-mailbox");
    } finally {
      process.env.KEPT_DEMO = "1";
      reloadEnv();
    }
  });
});
