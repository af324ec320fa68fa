import { z } from "zod";

const list = (item: z.ZodString, max: number, tooMany: string) =>
  z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(item).max(max, tooMany));

/**
 * The queue's form: record a print, or put orders back. `cards` are the inserts the print sheet printed (its
 * X-Kept-Printed-Cards header) or, for an undo, the ones that print marked; without it, "Mark printed" takes
 * every insert that can print now and "Mark as not printed" every insert of the orders.
 */
export const printQueueFormSchema = z.object({
  intent: z.enum(["mark-printed", "mark-unprinted"], { errorMap: () => ({ message: "Unknown action" }) }),
  orders: list(z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/, "Not an order"), 250, "At most 250 orders at once").pipe(
    z.array(z.string()).min(1, "Select at least one order"),
  ),
  cards: list(z.string().regex(/^[\w-]{1,64}$/, "Not an insert"), 2500, "Too many inserts at once")
    .optional()
    .transform((cards) => cards ?? null),
});

/** `?show=printed&page=2`: which tab and page of the queue; anything unreadable is the first page of "To print". */
export const printQueueViewSchema = z.object({
  show: z.enum(["printed"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
