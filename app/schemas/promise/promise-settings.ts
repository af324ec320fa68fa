import { z } from "zod";
import { WEEKDAYS, compareDates, isCivilDate, isKnownTimeZone, type CivilDate } from "../../domain/promise/civil-date";
import type { PromiseConfig } from "../../domain/promise/promise-config";

const weekday = z.enum(WEEKDAYS, {
  errorMap: () => ({ message: `Unknown weekday; use one of ${WEEKDAYS.join(", ")}` }),
});
const weekdayList = z
  .array(weekday)
  .min(1, "Pick at least one day")
  .refine((days) => new Set(days).size === days.length, "Each day may appear only once");

const cutoffTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use a 24-hour time "HH:MM" from 00:00 to 24:00, e.g. "14:00"');

const civilDate = z.string().refine(isCivilDate, "Use a real calendar date written YYYY-MM-DD");

const dayRange = (maxDays: number) =>
  z
    .object({
      min: z.number().int("Use whole days").min(0, "Cannot be negative").max(maxDays, `At most ${maxDays} days`),
      max: z.number().int("Use whole days").min(0, "Cannot be negative").max(maxDays, `At most ${maxDays} days`),
    })
    .refine((range) => range.min <= range.max, { message: "Maximum must be at least the minimum", path: ["max"] });

const closedRange = z
  .object({ from: civilDate, to: civilDate, label: z.string().max(80).optional() })
  .refine((range) => !isCivilDate(range.from) || !isCivilDate(range.to) || compareDates(range.from, range.to) <= 0, {
    message: "The end date must not be before the start date",
    path: ["to"],
  });

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code in capitals, e.g. "SE"');
const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const lane = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Use lower-case letters, digits and dashes, e.g. se-standard"),
    label: nonEmpty("Label"),
    method: z
      .object({ handle: nonEmpty("Handle").optional(), titlePattern: nonEmpty("Title pattern").optional() })
      .refine((m) => m.handle !== undefined || m.titlePattern !== undefined, "Give a method handle or a title pattern"),
    destination: z
      .object({
        country: z.union([countryCode, z.literal("*")]),
        region: z
          .string()
          .regex(/^[A-Z0-9]{1,3}$/, 'Use the region code without the country, e.g. "BY"')
          .optional(),
        postalPrefix: z
          .string()
          .regex(/^[A-Z0-9]{1,10}$/, "Use 1–10 capital letters or digits, no spaces")
          .optional(),
      })
      .refine((d) => d.country !== "*" || (d.region === undefined && d.postalPrefix === undefined), {
        message: 'A rest-of-world lane ("*") cannot have a region or postal prefix',
        path: ["country"],
      }),
    transitDays: dayRange(60),
    // The lane's own padding (set by the tuner or the merchant); absent = the shop's paddingDays.
    paddingDays: z.number().int("Use whole days").min(0, "Cannot be negative").max(30, "At most 30 days").optional(),
  })
  .strict();

/**
 * The promise settings document a merchant edits in the admin (stored as JSON). The server turns it
 * into the compact PromiseConfig with toPromiseConfig after expanding holidays.
 */
export const promiseSettingsSchema = z
  .object({
    version: z.literal(1),
    shop: z.object({
      timeZone: z.string().refine(isKnownTimeZone, "Unknown IANA time zone, e.g. use Europe/Stockholm"),
      country: countryCode,
      region: z
        .string()
        .regex(/^[A-Z0-9]{1,3}$/, 'Use the region code without the country, e.g. "BY"')
        .optional(),
      includeBankHolidays: z.boolean().default(true),
    }),
    cutoffs: z.record(weekday, cutoffTime),
    processingDays: dayRange(30),
    workingDays: weekdayList,
    closedDates: z.array(civilDate).default([]),
    closedRanges: z.array(closedRange).default([]),
    carrier: z.object({ deliveryDays: weekdayList, closedDates: z.array(civilDate).default([]) }),
    lanes: z.array(lane).min(1, "Add at least one lane"),
    paddingDays: z.number().int("Use whole days").min(0, "Cannot be negative").max(30, "At most 30 days"),
    targetKeptRate: z.number().min(0.5, "Use at least 0.5 (50%)").max(0.999, "Use at most 0.999 (99.9%)"),
    horizonDays: z.number().int().min(30, "At least 30 days").max(400, "At most 400 days").default(120),
    // Where checkout shows Kept's date; only Plus stores have a choice (option-policy.ts, resolveCheckoutSurface).
    checkoutSurface: z
      .enum(["auto", "option", "title"], { errorMap: () => ({ message: 'Use "auto", "option" (under the shipping option) or "title"' }) })
      .default("auto"),
  })
  .strict()
  .superRefine((settings, ctx) => {
    for (const day of settings.workingDays) {
      if (settings.cutoffs[day] === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["cutoffs", day],
          message: `Set an order cut-off for ${day} (a working day); "00:00" means no same-day start`,
        });
      }
    }
    const seen = new Set<string>();
    settings.lanes.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["lanes", index, "id"], message: `Duplicate lane id "${entry.id}"` });
      }
      seen.add(entry.id);
    });
  });

/** The settings document as stored, after defaults are applied. */
export type PromiseSettings = z.output<typeof promiseSettingsSchema>;
/** The settings document as a merchant (or a JSON file) writes it, defaults optional. */
export type PromiseSettingsInput = z.input<typeof promiseSettingsSchema>;

/** Closed dates expanded on the server (holidays + merchant closures), one list per calendar. */
export interface ExpandedClosedDates {
  warehouse: readonly CivilDate[];
  carrier: readonly CivilDate[];
  /** The last date both lists cover; becomes the config's `validUntil` (no promise may need a later day). */
  validUntil?: CivilDate;
}

/**
 * Builds the compact configuration the engine and the checkout extension read: settings fields
 * the engine needs, with closures replaced by the already-expanded date lists.
 */
export function toPromiseConfig(settings: PromiseSettings, closedDates: ExpandedClosedDates): PromiseConfig {
  return {
    version: 1,
    timeZone: settings.shop.timeZone,
    cutoffs: { ...settings.cutoffs },
    processingDays: { ...settings.processingDays },
    workingDays: [...settings.workingDays],
    closedDates: [...closedDates.warehouse],
    carrier: { deliveryDays: [...settings.carrier.deliveryDays], closedDates: [...closedDates.carrier] },
    lanes: settings.lanes.map((entry) => ({
      id: entry.id,
      label: entry.label,
      method: { ...entry.method },
      destination: { ...entry.destination },
      transitDays: { ...entry.transitDays },
      ...(entry.paddingDays === undefined ? {} : { paddingDays: entry.paddingDays }),
    })),
    paddingDays: settings.paddingDays,
    ...(closedDates.validUntil === undefined ? {} : { validUntil: closedDates.validUntil }),
  };
}
