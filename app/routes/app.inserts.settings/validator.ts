import { z } from "zod";
import { PAPER_SIZES } from "~/schemas/inserts/insert-template";

/** The insert settings form, or the "reshuffle holdouts" button. */
export const insertSettingsActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    maxInsertsPerParcel: z.coerce
      .number({ invalid_type_error: "Enter a number from 1 to 10" })
      .int("Use a whole number")
      .min(1, "At least 1 insert per parcel")
      .max(10, "At most 10 inserts per parcel"),
    fallbackLocale: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i, 'Use a language code such as "en" or "de-CH"'),
    paperSize: z.enum(PAPER_SIZES, { errorMap: () => ({ message: "Choose A6, A5, Letter or 4x6" }) }),
  }),
  z.object({ intent: z.literal("reshuffle") }),
]);
