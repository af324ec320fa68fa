import { z } from "zod";

/** The queue's form: mark orders printed (after opening the print sheet), or undo it. */
export const printQueueFormSchema = z.object({
  intent: z.enum(["mark-printed", "mark-unprinted"], { errorMap: () => ({ message: "Unknown action" }) }),
  orders: z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/, "Not an order")).min(1, "Select at least one order").max(250, "At most 250 orders at once")),
});

export const printQueueViewSchema = z.object({ show: z.enum(["printed"]).optional() });
