import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { previewFollowUp } from "~/services/follow-ups/follow-up-preview.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { storeSession } from "../inserts/fixtures";
import { installAdminApiDouble, type AdminCall } from "../support/admin-api-double";
import { CODE_TAKEN, THROTTLED, discountByCode, discountCreated, discountRefused } from "../support/shopify-answers";
import { headerOf, type CaughtMail } from "../support/smtp-sink";
import { TEST_SHOP } from "../support/test-env";
import { addRule, deliver, followUpRows, placeOrder, runFollowUps, startFollowUpSmtpSink, freshFollowUpShop } from "./follow-up-fixtures";

// A personal discount code in the delay apology, end to end: a late Swedish order, the apology rule with a
// discount, the code made through the Admin API (a double at the wire, counted by operation name) before the
// message is sent through a real SMTP server on loopback.

const sink = await startFollowUpSmtpSink();

beforeEach(async () => {
  await freshFollowUpShop(sink);
  await storeSession();
});

const DAY_MS = 86_400_000;
const CODE = /^ANNA-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}$/;
const creates = (calls: AdminCall[]) => calls.filter((call) => call.operationName === "DiscountCodeBasicCreate");
const codeIn = (call: AdminCall) => (call.variables.basicCodeDiscount as { code: string }).code;
/** The plain-text part of a caught message, quoted-printable undone. */
const textOf = (mail: CaughtMail) => {
  const part = /Content-Type: text\/plain[^\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/.exec(mail.raw)?.[1] ?? "";
  return Buffer.from(
    part.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  )
    .toString("utf8")
    .replace(/\r\n/g, "\n");
};

/** The apology rule, with a 15 % code valid for 30 days unless `discount` says otherwise. */
const apologyRule = (discount: Record<string, unknown> | null = { kind: "percentage", value: "15", expiresInDays: 30 }, rule: Record<string, unknown> = {}) =>
  addRule({ id: "sorry", name: "Delay apology", trigger: "apology", delay: { days: 0, hours: 0 }, ...(discount ? { discount } : {}), ...rule });

/** Order `id` to Stockholm, promised for 20 Nov and never shipped: late, so its apology is due now. */
const lateOrder = (id: number, options: { marketing?: boolean; locale?: string } = {}) =>
  placeOrder(id, { sweden: true, locale: options.locale ?? "sv", marketing: options.marketing ?? true, firstName: "Anna", shipped: false });

/** Lets every queued job run now, retries with backoff included. */
async function runRetriesNow() {
  await prisma.job.updateMany({ where: { status: "pending" }, data: { runAt: new Date(0) } });
  await runDueJobs();
  await drainJobs();
}

describe("a personal code in the apology", () => {
  it("is made once in Shopify, then sent in the customer's language with its expiry on their calendar; a retry after a failed send reuses it", async () => {
    const double = installAdminApiDouble({ DiscountCodeBasicCreate: () => discountCreated() });
    await apologyRule();
    await lateOrder(4201);
    expect(await followUpRows()).toMatchObject([{ trigger: "apology", status: "scheduled", category: "transactional", discountCode: null }]);
    // WHEN the apology is due and the mail server is busy
    sink.state.mode = "busy";
    const before = Date.now();
    await runFollowUps();
    // THEN the code was made once, for Anna only, and the message waits for another try
    expect(creates(double.calls)).toHaveLength(1);
    const [first] = await followUpRows();
    expect(first).toMatchObject({
      status: "scheduled",
      attempts: 1,
      discountStatus: "created",
      discountGid: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\//),
    });
    const code = first.discountCode ?? "";
    expect(code).toMatch(CODE);
    const expiresAt = first.discountExpiresAt as Date;
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
    expect(double.calls[0].variables).toEqual({
      basicCodeDiscount: {
        title: "Kept apology code #4201 (sorry)",
        code,
        startsAt: new Date(expiresAt.getTime() - 30 * DAY_MS).toISOString(),
        endsAt: expiresAt.toISOString(),
        context: { customers: { add: ["gid://shopify/Customer/4701"] } },
        customerGets: { value: { percentage: 0.15 }, items: { all: true } },
        usageLimit: 1,
        appliesOncePerCustomer: true,
      },
    });
    // WHEN the retry is due and the server takes it
    sink.state.mode = "accept";
    await prisma.followUp.update({ where: { id: first.id }, data: { sendAt: new Date(Date.now() - 1000) } });
    await runFollowUps();
    // THEN the same code goes out, and Shopify was not asked again
    expect(creates(double.calls)).toHaveLength(1);
    expect(sink.caught).toHaveLength(1);
    const [mail] = sink.caught;
    expect(headerOf(mail, "Subject")).toBe("Förlåt, din beställning #4201 är försenad");
    const expiry = new Intl.DateTimeFormat("sv", { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(expiresAt);
    expect(textOf(mail)).toContain(
      `Som tack för ditt tålamod får du en personlig rabattkod till din nästa beställning:\n\n${code}\n\nGäller till och med ${expiry}.`,
    );
    expect(mail.raw).toContain(code);
    expect(await followUpRows()).toMatchObject([{ status: "sent", category: "marketing", reason: null, discountCode: code, attempts: 2 }]);
    // AND a later scan changes nothing
    await runFollowUps();
    expect(sink.caught).toHaveLength(1);
    expect(creates(double.calls)).toHaveLength(1);
  });

  it("goes without a code, as a transactional apology, to a customer who did not agree to marketing; no code is made", async () => {
    const double = installAdminApiDouble({ DiscountCodeBasicCreate: () => discountCreated() });
    await apologyRule();
    await lateOrder(4202, { marketing: false, locale: "en" });
    await runFollowUps();
    expect(creates(double.calls)).toHaveLength(0);
    expect(sink.caught).toHaveLength(1);
    expect(headerOf(sink.caught[0], "Subject")).toBe("Sorry, your order #4202 is running late");
    expect(textOf(sink.caught[0])).not.toMatch(/personal code|Valid until/);
    expect(await followUpRows()).toMatchObject([
      {
        status: "sent",
        category: "transactional",
        discountStatus: "withheld",
        discountCode: null,
        reason: "sent without its code: the customer did not agree to marketing email at checkout",
      },
    ]);
  });

  it("waits while Shopify cannot answer, sending nothing, and asks again for the same code", async () => {
    let throttled = true;
    const double = installAdminApiDouble({ DiscountCodeBasicCreate: () => (throttled ? ((throttled = false), THROTTLED) : discountCreated()) });
    await apologyRule();
    await lateOrder(4203);
    await runFollowUps();
    // THEN nothing was sent or claimed; the chosen code is on the row, waiting
    expect(sink.caught).toHaveLength(0);
    const [waiting] = await followUpRows();
    expect(waiting).toMatchObject({ status: "scheduled", attempts: 0, discountStatus: "pending", discountCode: expect.stringMatching(CODE) });
    expect(await prisma.job.findFirst({ where: { shop: TEST_SHOP, type: "follow-ups.send" } })).toMatchObject({ status: "pending", attempts: 1 });
    // WHEN the job is tried again
    await runRetriesNow();
    const calls = creates(double.calls);
    expect(calls.map(codeIn)).toEqual([waiting.discountCode, waiting.discountCode]);
    expect(sink.caught).toHaveLength(1);
    expect(sink.caught[0].raw).toContain(waiting.discountCode);
    expect(await followUpRows()).toMatchObject([{ status: "sent", discountStatus: "created", category: "marketing" }]);
  });

  it("tells Shopify Flow 'Apology code issued' once, with the code, when the shop's workflows use it", async () => {
    const now = new Date();
    await prisma.flowTriggerUse.create({
      data: { shop: TEST_SHOP, trigger: "kept-apology-code-issued", enabled: true, enabledSince: new Date(0), changedAt: now, updatedAt: now },
    });
    const double = installAdminApiDouble({
      DiscountCodeBasicCreate: () => discountCreated(),
      FlowTriggerReceive: () => ({ data: { flowTriggerReceive: { userErrors: [] } } }),
    });
    await apologyRule();
    await lateOrder(4211);
    sink.state.mode = "busy";
    await runFollowUps();
    sink.state.mode = "accept";
    const [row] = await followUpRows();
    await prisma.followUp.update({ where: { id: row.id }, data: { sendAt: new Date(Date.now() - 1000) } });
    await runFollowUps();
    expect(sink.caught).toHaveLength(1);
    expect(double.calls.filter((call) => call.operationName === "FlowTriggerReceive").map((call) => call.variables)).toEqual([
      { handle: "kept-apology-code-issued", payload: { order_id: 4211, Code: row.discountCode, "Promised date": "2026-11-20", Cause: "warehouse" } },
    ]);
  });

  it("asks for the code a crashed attempt chose, never a second one", async () => {
    const double = installAdminApiDouble({ DiscountCodeBasicCreate: () => discountCreated() });
    await apologyRule();
    await lateOrder(4210);
    // GIVEN what a worker killed while asking Shopify leaves: the code chosen and committed, no answer recorded
    const [row] = await followUpRows();
    const expiresAt = new Date("2027-01-05T10:00:00Z");
    await prisma.followUp.update({ where: { id: row.id }, data: { discountCode: "ANNA-7KQ2-XM4P", discountStatus: "pending", discountExpiresAt: expiresAt } });
    await runFollowUps();
    expect(creates(double.calls).map(codeIn)).toEqual(["ANNA-7KQ2-XM4P"]);
    expect(double.calls[0].variables.basicCodeDiscount).toMatchObject({ endsAt: "2027-01-05T10:00:00.000Z" });
    expect(textOf(sink.caught[0])).toContain("ANNA-7KQ2-XM4P\n\nGäller till och med 5 januari 2027.");
    expect(await followUpRows()).toMatchObject([{ status: "sent", discountStatus: "created", discountCode: "ANNA-7KQ2-XM4P" }]);
  });

  it("leaves the code out when the customer unsubscribes after it was made, and sends the apology all the same", async () => {
    const double = installAdminApiDouble({ DiscountCodeBasicCreate: () => discountCreated() });
    await apologyRule();
    await lateOrder(4209, { locale: "en" });
    sink.state.mode = "busy";
    await runFollowUps();
    const [first] = await followUpRows();
    expect(first).toMatchObject({ status: "scheduled", discountStatus: "created" });
    // WHEN Shopify says the customer unsubscribed before the retry
    await deliver("customers_email_marketing_consent/update", {
      customer_id: 4709,
      email_address: "buyer4209@example.de",
      email_marketing_consent: { state: "unsubscribed", opt_in_level: null, consent_updated_at: new Date().toISOString() },
    });
    await drainJobs();
    sink.state.mode = "accept";
    await prisma.followUp.update({ where: { id: first.id }, data: { sendAt: new Date(Date.now() - 1000) } });
    await runFollowUps();
    // THEN the apology goes out without the code, as service
    expect(creates(double.calls)).toHaveLength(1);
    expect(sink.caught).toHaveLength(1);
    expect(sink.caught[0].raw).not.toContain(first.discountCode);
    expect(await followUpRows()).toMatchObject([
      { status: "sent", category: "transactional", reason: "sent without its code: the customer unsubscribed from marketing email in Shopify" },
    ]);
  });

  it("counts Shopify's 'code taken' for its own apology code (an answer that was lost) as made", async () => {
    const double = installAdminApiDouble({
      DiscountCodeBasicCreate: () => discountRefused([CODE_TAKEN]),
      CodeDiscountNodeByCode: () => discountByCode("gid://shopify/DiscountCodeNode/88", "Kept apology code #4204 (sorry)"),
    });
    await apologyRule();
    await lateOrder(4204);
    await runFollowUps();
    expect(double.calls.map((call) => call.operationName)).toEqual(["DiscountCodeBasicCreate", "CodeDiscountNodeByCode"]);
    const [row] = await followUpRows();
    expect(row).toMatchObject({ status: "sent", discountStatus: "created", discountGid: "gid://shopify/DiscountCodeNode/88" });
    expect(sink.caught[0].raw).toContain(row.discountCode);
  });

  it("sends the apology without a code, saying why, when Shopify refuses it or stays unreachable past the last try", async () => {
    installAdminApiDouble({
      DiscountCodeBasicCreate: (variables) =>
        (variables.basicCodeDiscount as { title: string }).title.includes("#4205")
          ? discountRefused([
              { field: ["basicCodeDiscount", "customerGets", "value", "percentage"], code: "VALUE_OUTSIDE_RANGE", message: "Value is too large" },
            ])
          : THROTTLED,
    });
    await apologyRule();
    await lateOrder(4205, { locale: "en" });
    await lateOrder(4206, { locale: "en" });
    await runFollowUps();
    await prisma.job.updateMany({ where: { type: "follow-ups.send", status: "pending" }, data: { maxAttempts: 2 } });
    await runRetriesNow();
    expect(sink.caught.map((mail) => mail.to[0]).sort()).toEqual(["buyer4205@example.de", "buyer4206@example.de"]);
    for (const mail of sink.caught) expect(textOf(mail)).not.toMatch(/personal code|Valid until/);
    expect((await followUpRows()).map((row) => [row.status, row.category, row.discountStatus, row.reason])).toEqual([
      ["sent", "transactional", "failed", "sent without its code: Shopify refused the code: Value is too large"],
      ["sent", "transactional", "failed", "sent without its code: Shopify could not create the code: Throttled"],
    ]);
  });

  it("gives the merchant's own Liquid the code and its expiry as {{ code }} and {{ code_expires_on }}", async () => {
    installAdminApiDouble({ DiscountCodeBasicCreate: () => discountCreated() });
    const sources = {
      de: {
        subject: "Entschuldigung {{ order.name }}",
        html: "<p>{{ code }} bis {{ code_expires_on }}</p>",
        text: "Code {{ code }} bis {{ code_expires_on }}",
      },
    };
    await apologyRule(
      { kind: "fixed_amount", value: "5.00", expiresInDays: 14, prefix: "SORRY" },
      { message: { kind: "custom", fallbackLocale: "de", sources } },
    );
    await lateOrder(4207, { locale: "de" });
    await runFollowUps();
    const [row] = await followUpRows();
    expect(row.discountCode).toMatch(/^SORRY-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}$/);
    const expiry = new Intl.DateTimeFormat("de", { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(row.discountExpiresAt as Date);
    expect(textOf(sink.caught[0])).toBe(`Code ${row.discountCode} bis ${expiry}`);
  });

  it("shows the editor's preview an example code and its expiry, as marketing, without asking Shopify", async () => {
    const double = installAdminApiDouble({ DiscountCodeBasicCreate: () => discountCreated() });
    await lateOrder(4212);
    const document = {
      id: "sorry",
      version: 1,
      name: "Delay apology",
      active: true,
      trigger: "apology",
      delay: { days: 0, hours: 0 },
      conditions: { op: "and", items: [] },
      message: { kind: "built-in" },
      discount: { kind: "percentage", value: "15", expiresInDays: 30 },
    };
    const preview = await previewFollowUp(TEST_SHOP, { document, orderGid: "gid://shopify/Order/4212", locale: null });
    expect(preview).toMatchObject({ ok: true, category: "marketing", localeUsed: "sv" });
    expect(preview.ok && preview.text).toMatch(
      /nästa beställning:\n\nANNA-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}\n\nGäller till och med \d{1,2} \w+ \d{4}\./,
    );
    const without = await previewFollowUp(TEST_SHOP, { document: { ...document, discount: undefined }, orderGid: "gid://shopify/Order/4212", locale: null });
    expect(without).toMatchObject({ ok: true, category: "transactional" });
    expect(without.ok && without.text).not.toContain("rabattkod");
    expect(creates(double.calls)).toHaveLength(0);
  });

  it("is erased with the customer's data by customers/redact", async () => {
    installAdminApiDouble({ DiscountCodeBasicCreate: () => discountCreated() });
    await apologyRule();
    await lateOrder(4208);
    await runFollowUps();
    const [sent] = await followUpRows();
    expect(sent.discountCode).toMatch(CODE);
    await deliver("customers/redact", {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: { id: 4708, email: "buyer4208@example.de", phone: null },
      orders_to_redact: [4208],
    });
    await drainJobs();
    expect(await followUpRows()).toMatchObject([{ status: "sent", discountCode: null, discountStatus: "erased", toEmail: null }]);
  });
});
