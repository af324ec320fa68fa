/** Where a personal code stands: chosen (pending), created in Shopify, or refused for good. */
export type CodeStatus = "pending" | "created" | "failed";

/** What one applied rule puts in the parcel. Every part is optional. */
export type PlanPart = {
  /** The printed insert's name ("Thank-you card"), when the rule has a template. */
  insert: string | null;
  /** The physical item for the packer ("lavender soap sample"). */
  item: string | null;
  /** The personal code the insert carries. */
  code: { code: string; status: CodeStatus } | null;
};

const sentence = (label: string, values: string[]) => (values.length === 0 ? [] : [`${label}: ${values.join(", ")}.`]);

/**
 * The packing plan the packer reads on the packing slip, e.g.
 * "Include: Thank-you card, Care guide. Add: lavender soap sample. Code: ANNA-7KQ2-XM4P."
 *
 * A card whose code failed is left out of "Include" (it is never printed without its code) and the plan says
 * so; a code still being created is marked as such. An order that gets nothing has an empty plan.
 */
export function describePackingPlan(parts: readonly PlanPart[]): string {
  const include = parts.filter((part) => part.insert && part.code?.status !== "failed").map((part) => part.insert as string);
  const items = parts.flatMap((part) => (part.item ? [part.item] : []));
  const codes = parts.flatMap((part) => (part.code ? [part.code] : []));
  const ready = codes.filter((code) => code.status === "created").map((code) => code.code);
  const pending = codes.filter((code) => code.status === "pending").map((code) => `${code.code} (being created)`);
  const failed = parts.filter((part) => part.code?.status === "failed").map((part) => part.insert ?? "code card");
  return [
    ...sentence("Include", include),
    ...sentence("Add", items),
    ...sentence(ready.length + pending.length > 1 ? "Codes" : "Code", [...ready, ...pending]),
    ...sentence("Code failed, do not include", failed),
  ].join(" ");
}
