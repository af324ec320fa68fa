import { z } from "zod";
import { isCivilDate } from "~/domain/promise/civil-date";
import { CAUSE_FILTERS, OUTCOME_FILTERS } from "~/domain/outcomes/outcome-filters";

// The Orders page's URL: what the merchant searched and filtered by, and the order a page starts from.
// An unreadable parameter is dropped (the page shows every order) rather than failing the page: these
// URLs are typed, bookmarked and linked from the Dashboard.

const civilDate = z
  .string()
  .refine((value) => isCivilDate(value))
  .optional()
  .catch(undefined);

const orderListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  outcome: z.enum(OUTCOME_FILTERS).optional().catch(undefined),
  lane: z.string().max(200).optional().catch(undefined),
  cause: z.enum(CAUSE_FILTERS).optional().catch(undefined),
  /** Which date `from` and `to` are: the day the order was placed (shop's calendar) or its promised date. */
  dates: z.enum(["ordered", "promised"]).catch("ordered"),
  from: civilDate,
  to: civilDate,
  after: z
    .string()
    .regex(/^\d{1,30}$/)
    .optional()
    .catch(undefined),
  before: z
    .string()
    .regex(/^\d{1,30}$/)
    .optional()
    .catch(undefined),
});

export type OrderListQuery = z.output<typeof orderListQuerySchema>;

/** The query from a URL's search parameters (unknown ones ignored, e.g. the embedded admin's host and shop). */
export function readOrderListQuery(url: URL): OrderListQuery {
  return orderListQuerySchema.parse(Object.fromEntries(url.searchParams));
}
