// The settings document as the editor holds it: what the merchant typed, valid or not. The server
// validates it (zod, by path) for the live preview and again on save.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const WEEKDAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** A number field keeps what was typed when it is not a number, so the server can say what is wrong. */
export type NumberInput = number | string;

export type DraftLane = {
  id: string;
  label: string;
  method: { handle?: string; titlePattern?: string };
  destination: { country: string; region?: string; postalPrefix?: string };
  transitDays: { min: NumberInput; max: NumberInput };
  /** The lane's own padding (the tuner sets it); left out, the shop's padding applies. */
  paddingDays?: NumberInput;
};

export type Draft = {
  version: 1;
  shop: { timeZone: string; country: string; region?: string; includeBankHolidays?: boolean };
  cutoffs: Record<string, string>;
  processingDays: { min: NumberInput; max: NumberInput };
  workingDays: string[];
  closedDates: string[];
  closedRanges: { from: string; to: string; label?: string }[];
  carrier: { deliveryDays: string[]; closedDates: string[] };
  lanes: DraftLane[];
  paddingDays: NumberInput;
  targetKeptRate: NumberInput;
  horizonDays?: number;
  /** Left out of older documents (the schema's default, "auto"); the editor does not add it on load. */
  checkoutSurface?: "auto" | "option" | "title";
};

/** Reads a stored or default document into the editor's shape (lists default to empty). */
export function toDraft(document: Record<string, unknown>): Draft {
  const value = document as Partial<Draft>;
  return {
    ...(value as Draft),
    cutoffs: value.cutoffs ?? {},
    workingDays: value.workingDays ?? [],
    closedDates: value.closedDates ?? [],
    closedRanges: value.closedRanges ?? [],
    carrier: { deliveryDays: value.carrier?.deliveryDays ?? [], closedDates: value.carrier?.closedDates ?? [] },
    lanes: value.lanes ?? [],
  };
}

/** An optional text: empty means "not set" (the key is left out, not sent as ""). */
export function optionalText(text: string): string | undefined {
  return text.trim() === "" ? undefined : text;
}

/** Adds or removes a weekday, keeping Monday-first order. */
export function toggleDay(days: readonly string[], day: string, isOn: boolean): string[] {
  const set = new Set(days);
  if (isOn) set.add(day);
  else set.delete(day);
  return WEEKDAYS.filter((weekday) => set.has(weekday));
}

/** Replaces the item at `index` of a list. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, position) => (position === index ? item : current));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

/** JSON with object keys sorted, so two drafts compare equal whatever order their keys were set in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}
