import { z } from "zod";

// The Demo mailbox page's URL: `q` searches by recipient, order number or subject; `id` is the caught message
// shown (its file name in the mailbox without ".eml", scripts/demo-mail-catcher.mjs). Anything else is ignored.
export const mailboxQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  id: z
    .string()
    .regex(/^\d{8}T\d{9}Z-[0-9a-f]{8}$/)
    .optional()
    .catch(undefined),
});
