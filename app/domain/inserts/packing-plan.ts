/** Where a personal code stands: chosen (pending), created in Shopify, refused for good, or erased with the customer's data. */
export type CodeStatus = "pending" | "created" | "failed" | "erased";

/** A personal code as the plan reads it. An erased code has no text any more (it carried the customer's first name). */
export type PlanCode = { code: string; status: Exclude<CodeStatus, "erased"> } | { code: null; status: "erased" };

/** What one applied rule puts in the parcel. Every part is optional. */
export type PlanPart = {
  /** The printed insert's name ("Thank-you card"), when the rule has a template. */
  insert: string | null;
  /** The physical item for the packer ("lavender soap sample"). */
  item: string | null;
  /** The personal code the insert carries. */
  code: PlanCode | null;
};

const sentence = (label: string, values: string[]) => (values.length === 0 ? [] : [`${label}: ${values.join(", ")}.`]);

/**
 * A stored assignment's code columns as the plan reads them; null when the rule gives no code. An unknown
 * status reads as no code.
 */
export function toPlanCode(code: string | null, status: string | null): PlanCode | null {
  if (status === "erased") return { code: null, status: "erased" };
  if (!code || (status !== "pending" && status !== "created" && status !== "failed")) return null;
  return { code, status };
}

/**
 * The packing plan the packer reads on the packing slip, e.g.
 * "Include: Thank-you card, Care guide. Add: lavender soap sample. Code: ANNA-7KQ2-XM4P."
 *
 * A card whose code failed or was erased (customers/redact) is left out of "Include" (it is never printed
 * without its code) and the plan says so; a code still being created is marked as such. An order that gets
 * nothing has an empty plan.
 */
export function describePackingPlan(parts: readonly PlanPart[]): string {
  const isPrintable = (part: PlanPart) => part.code?.status !== "failed" && part.code?.status !== "erased";
  const include = parts.filter((part) => part.insert && isPrintable(part)).map((part) => part.insert as string);
  const items = parts.flatMap((part) => (part.item ? [part.item] : []));
  const codes = parts.flatMap((part) => (part.code?.code ? [{ code: part.code.code, status: part.code.status }] : []));
  const ready = codes.filter((code) => code.status === "created").map((code) => code.code);
  const pending = codes.filter((code) => code.status === "pending").map((code) => `${code.code} (being created)`);
  const cardsOf = (status: CodeStatus) => parts.filter((part) => part.code?.status === status).map((part) => part.insert ?? "code card");
  return [
    ...sentence("Include", include),
    ...sentence("Add", items),
    ...sentence(ready.length + pending.length > 1 ? "Codes" : "Code", [...ready, ...pending]),
    ...sentence("Code failed, do not include", cardsOf("failed")),
    ...sentence("Code erased with the customer's data, do not include", cardsOf("erased")),
  ].join(" ");
}
