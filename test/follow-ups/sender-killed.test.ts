import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { SMTP_CONNECTIONS } from "~/services/follow-ups/mail-transport.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { headerOf, startSmtpSink } from "../support/smtp-sink";
import { TEST_ENV } from "../support/test-env";
import { addRule, openSendWindowAllDay, storePromiseSettings } from "./follow-up-fixtures";
import { waitUntil } from "../support/wait-until";
import { webhookRequest } from "../support/webhooks";

// Exactly once with a real process killed: the sender (`npm run worker`, a child process) sends due
// follow-ups through nodemailer to a slow SMTP server in this process and is killed with SIGKILL while the
// server holds a message unanswered; a second sender finishes. Counted at the server by Message-ID.

const ORDERS = 24;
/** The sender dies as this message reaches the server, before the server answers it. */
const KILL_AT = 7;

const sink = await startSmtpSink();
const senders: ChildProcess[] = [];

afterEach(() => {
  for (const sender of senders.splice(0)) if (sender.exitCode === null && sender.signalCode === null) sender.kill("SIGKILL");
});
afterAll(() => sink.close());

/** `npm run worker` as one node process (not npx → tsx → node), so SIGKILL reaches the sender itself. */
function startSender(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "app/worker.ts"], {
    env: { ...process.env, ...TEST_ENV, DATABASE_URL: process.env.DATABASE_URL, SMTP_URL: sink.url, MAIL_FROM: "care@kept.test", WORKER_POLL_MS: "50" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  senders.push(child);
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  return { child, output: () => log };
}

/** Orders that were delivered in Berlin, each with an arrival message due now. */
async function arrivedOrders() {
  await storePromiseSettings();
  await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
  // Open all day, so the hour the test runs at does not move the messages out of the send window.
  await openSendWindowAllDay();
  const deliver = async (topic: string, payload: unknown, webhookId: string) => {
    const response = await receiveWebhook(webhookRequest(topic, payload, { webhookId }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    expect(response.status).toBe(200);
  };
  for (let id = 8001; id < 8001 + ORDERS; id += 1) {
    const email = `buyer${id}@example.de`;
    await deliver(
      "orders/create",
      orderPayload(id, {
        name: `#${id}`,
        email,
        customer_locale: "de",
        customer: { id: 500 + id, first_name: "Jonas", email },
        created_at: "2026-11-16T10:00:00+01:00",
        updated_at: "2026-11-16T10:00:00+01:00",
        shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin" },
      }),
      `create-${id}`,
    );
    await deliver("fulfillments/create", fulfillmentPayload(id * 10, id, { created_at: "2026-11-17T09:00:00+01:00" }), `fulfillment-${id}`);
    const at = "2026-11-19T15:00:00+01:00";
    await deliver(
      "fulfillment_events/create",
      fulfillmentEventPayload(id * 100, id * 10, id, { status: "delivered", happened_at: at, created_at: at, updated_at: at }),
      `scan-${id}`,
    );
  }
  await drainJobs();
}

const statuses = async () =>
  new Map((await prisma.followUp.findMany({ select: { messageId: true, status: true } })).map((row) => [row.messageId, row.status] as const));

describe("a sender killed with SIGKILL while sending", () => {
  it("sends every message at most once: the one in flight becomes unknown and is never resent, the unclaimed ones go out from the next sender", async () => {
    // GIVEN due arrival messages, one per order, and a slow SMTP server (each message answered 150 ms after it arrived)
    await arrivedOrders();
    expect([...(await statuses()).values()]).toEqual(Array(ORDERS).fill("scheduled"));
    sink.state.replyDelayMs = 150;

    // WHEN the sender is killed as message KILL_AT reaches the server, before the server's answer
    const first = startSender();
    const died = new Promise<NodeJS.Signals | null>((resolve) => first.child.once("exit", (_code, signal) => resolve(signal)));
    let killedOn: string | null = null;
    sink.state.onCaught = (mail) => {
      if (sink.caught.length !== KILL_AT) return;
      first.child.kill("SIGKILL");
      killedOn = headerOf(mail, "Message-ID");
    };
    expect(await died, first.output()).toBe("SIGKILL");
    sink.state.onCaught = undefined;
    const caughtAtDeath = sink.caught.length;
    const atKill = await statuses();
    const ofStatus = (rows: Map<string, string>, status: string) => [...rows].filter(([, value]) => value === status).map(([id]) => id);
    const inFlight = ofStatus(atKill, "sending");
    const unclaimed = ofStatus(atKill, "scheduled");
    const sentBefore = ofStatus(atKill, "sent");
    // THEN the message that reached the server as the sender died is still `sending` (its answer never came
    // back), with the others it had in flight on its pooled connections; the rest were sent or never claimed
    expect(inFlight).toContain(killedOn);
    expect(inFlight.length).toBeLessThanOrEqual(SMTP_CONNECTIONS);
    expect(sentBefore.length).toBeGreaterThan(0);
    expect(unclaimed.length).toBeGreaterThan(0);
    expect(sentBefore.length + inFlight.length + unclaimed.length).toBe(ORDERS);

    // WHEN the dead sender's leases run out (moved into the past: the test does not wait two minutes) and a second sender starts
    await prisma.followUp.updateMany({ where: { status: "sending" }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    await prisma.job.updateMany({ where: { status: "running" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const second = startSender();
    await waitUntil(
      async () =>
        (await prisma.followUp.count({ where: { status: { in: ["scheduled", "sending"] } } })) === 0 &&
        (await prisma.job.count({ where: { type: "follow-ups.send", status: { in: ["pending", "running"] } } })) === 0,
      "every follow-up settled by the second sender",
      { timeoutMs: 20_000, intervalMs: 50 },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${second.output()}`);
    });
    second.child.kill("SIGKILL");

    // THEN no Message-ID arrived twice, and every row is sent (arrived once) or unknown (in flight at the kill, never resent)
    const arrivals = new Map<string, number[]>();
    sink.caught.forEach((mail, index) => {
      const id = headerOf(mail, "Message-ID") ?? "";
      arrivals.set(id, [...(arrivals.get(id) ?? []), index]);
    });
    expect([...arrivals].filter(([, times]) => times.length > 1)).toEqual([]);
    const final = await statuses();
    expect([...arrivals.keys()].filter((id) => !final.has(id))).toEqual([]);
    expect(ofStatus(final, "unknown").sort()).toEqual([...inFlight].sort());
    expect(arrivals.get(killedOn ?? "")).toHaveLength(1);
    expect(ofStatus(final, "sent").sort()).toEqual([...sentBefore, ...unclaimed].sort());
    for (const id of [...sentBefore, ...unclaimed]) expect(arrivals.get(id)).toHaveLength(1);
    // The rows never claimed went out from the second sender, after the first had died
    for (const id of unclaimed) expect(arrivals.get(id)?.[0]).toBeGreaterThanOrEqual(caughtAtDeath);
    // The counts add up: what arrived is the sent rows and those in-flight messages that reached the server
    const unknownArrived = inFlight.filter((id) => arrivals.has(id)).length;
    expect(sink.caught.length).toBe(sentBefore.length + unclaimed.length + unknownArrived);
    expect(ofStatus(final, "sent").length + ofStatus(final, "unknown").length).toBe(ORDERS);
    const unknownRow = await prisma.followUp.findFirstOrThrow({ where: { messageId: killedOn ?? "" } });
    expect(unknownRow).toMatchObject({ status: "unknown", attempts: 1 });
    expect(unknownRow.lastError).toMatch(/stopped while sending/);
  });
});
