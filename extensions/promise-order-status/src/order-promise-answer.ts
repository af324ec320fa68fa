import type { CivilDate } from "../../../app/domain/promise/civil-date";

/** The backend's answer (app/services/promise/shopper-order-promise.server.ts), checked before use. */
export type OrderPromiseAnswer =
  | { status: "pending" | "none" }
  | { status: "promised"; promisedDate: CivilDate; delivery: "delivered"; deliveredAt: string }
  | { status: "promised"; promisedDate: CivilDate; delivery: "in_transit" | "unknown" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A type guard instead of zod: this code ships in the checkout bundle. */
export function isOrderPromiseAnswer(value: unknown): value is OrderPromiseAnswer {
  if (typeof value !== "object" || value === null) return false;
  const answer = value as Record<string, unknown>;
  if (answer.status === "pending" || answer.status === "none") return true;
  if (answer.status !== "promised" || typeof answer.promisedDate !== "string" || !DATE.test(answer.promisedDate)) return false;
  if (answer.delivery === "delivered") return typeof answer.deliveredAt === "string" && !Number.isNaN(Date.parse(answer.deliveredAt));
  return answer.delivery === "in_transit" || answer.delivery === "unknown";
}

/** The civil date an instant falls on in a time zone ("YYYY-MM-DD"). */
export function civilDateIn(instant: Date, timeZone: string): CivilDate {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
