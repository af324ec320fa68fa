/** Paper sizes a print request may ask for; omitted means "as set for each insert". */
export const PRINT_PAPERS = ["A6", "A5", "Letter", "4x6"] as const;

/**
 * The print route's answer header listing the inserts (assignment ids) the sheet printed, comma-separated:
 * the Print queue marks exactly those printed.
 */
export const PRINTED_CARDS_HEADER = "X-Kept-Printed-Cards";

/** `only=unprinted`: the Print queue's request, which leaves out inserts already printed. */
export const UNPRINTED_ONLY = "unprinted";

/**
 * The app route that prints the inserts of the selected orders: `/print/inserts?orders=1001,1002`, optionally
 * with `&paper=A5`. Selected ids are Admin GIDs; only order GIDs are used. Null when no order is selected,
 * which disables the admin's Print button. Shared by both print-action extensions (no dependencies).
 */
export function printUrlFor(selected: readonly { id: string }[], paper?: string | null): string | null {
  const ids = selected.flatMap(({ id }) => {
    const match = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(id);
    return match ? [match[1]] : [];
  });
  if (ids.length === 0) return null;
  const paperPart = paper && (PRINT_PAPERS as readonly string[]).includes(paper) ? `&paper=${encodeURIComponent(paper)}` : "";
  return `/print/inserts?orders=${ids.join(",")}${paperPart}`;
}
