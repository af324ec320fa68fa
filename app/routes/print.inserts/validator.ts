import { z } from "zod";
import { UNPRINTED_ONLY } from "~/domain/inserts/print-url";
import { PAPER_SIZES } from "~/schemas/inserts/insert-template";
import { toGid } from "~/domain/shopify/gid";

const orderId = z
  .string()
  .trim()
  .regex(/^(gid:\/\/shopify\/Order\/)?\d+$/, "Use order ids such as 1001 or gid://shopify/Order/1001")
  .transform((id) => toGid("Order", id));

/** `?orders=1001,1002&paper=A5&only=unprinted`: up to 250 orders (Shopify's bulk selection), paper optional. */
export const printQuerySchema = z.object({
  orders: z
    .string({ required_error: "Say which orders to print: ?orders=1001,1002" })
    .transform((value) => value.split(",").filter((part) => part.trim() !== ""))
    .pipe(z.array(orderId).min(1, "Say which orders to print").max(250, "Print at most 250 orders at once"))
    .transform((ids) => [...new Set(ids)]),
  paper: z
    .string()
    .transform((value) => PAPER_SIZES.find((paper) => paper.toLowerCase() === value.trim().toLowerCase()) ?? value)
    .pipe(z.enum(PAPER_SIZES, { errorMap: () => ({ message: "Paper is A6, A5, Letter or 4x6" }) }))
    .optional(),
  /** The Print queue asks for the inserts not printed yet only. */
  only: z.enum([UNPRINTED_ONLY], { errorMap: () => ({ message: 'only= takes "unprinted"' }) }).optional(),
});
