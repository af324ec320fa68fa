import type { JsonValue } from "./json-text";
import { deterministicUuid } from "./random";

/** One webhook delivery, as the simulator sends it. */
export type Delivery = {
  topic: string;
  /** An object is serialized with toJsonText; a string is sent verbatim (e.g. invalid JSON). */
  payload: JsonValue | string;
  /** X-Shopify-Webhook-Id: unique per delivery, reused by a retry of the same delivery. */
  webhookId: string;
  /** X-Shopify-Event-Id: shared by every delivery caused by one merchant action. */
  eventId: string;
  /** X-Shopify-Triggered-At, in simulated time. */
  triggeredAt: string;
  /** What the console line shows after the topic: "#1001", "#1001.1 in_transit". */
  label: string;
  delayMsAfterPrevious?: number;
  /** The status the app must answer; absent means any 2xx. */
  expectStatus?: number;
  /** "bad-secret": signed with a wrong secret, to check the app answers 401. */
  signWith?: "bad-secret";
};

type Planned = Omit<Delivery, "webhookId" | "eventId" | "triggeredAt"> & { at: Date; action: string; seq: number; key?: string };

export type PlanExtras = Partial<Pick<Delivery, "expectStatus" | "signWith" | "delayMsAfterPrevious">> & {
  /** The delivery's own identity (e.g. "2026-11-20#3:create"): its webhook id derives from it instead of its position. */
  key?: string;
};

/**
 * Collects deliveries at simulated instants and hands them back in trigger order. Ids derive from
 * (scenario, seed, position), or (scenario, seed, key) when the delivery has a key, so the same run twice
 * sends the same ids: a re-run looks like a retry.
 */
export function createTimeline(scenario: string, seed: number) {
  const planned: Planned[] = [];
  return {
    /** `action` groups deliveries that one merchant action fans out to (they share an event id). */
    add(at: Date, topic: string, payload: JsonValue | string, label: string, action: string, extras: PlanExtras = {}) {
      planned.push({ at, topic, payload, label, action, seq: planned.length, ...extras });
    },
    /** Deliveries sorted by trigger time (stable), or in insertion order when `keepOrder`. */
    deliveries(options: { keepOrder?: boolean } = {}): Delivery[] {
      const ordered = options.keepOrder ? planned : [...planned].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
      return ordered.map(({ at, action, seq, key, ...rest }) => ({
        ...rest,
        webhookId: deterministicUuid("webhook", scenario, seed, key ?? seq),
        eventId: deterministicUuid("event", scenario, seed, action),
        triggeredAt: at.toISOString(),
      }));
    },
  };
}

export type Timeline = ReturnType<typeof createTimeline>;
