import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? undefined : value))
    .optional();

/**
 * The preview question from the settings page: when (shop-local "YYYY-MM-DDTHH:MM", empty = now),
 * where to (country, optional region, postal code and city for the sentence) and which method.
 */
export const previewRequestSchema = z.object({
  document: z.string().max(500_000),
  at: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, "Use a date and time, or leave empty for now")
    .transform((value) => (value === "" ? null : value)),
  country: z.string().regex(/^([A-Z]{2}|\*)$/, "Use a two-letter country code"),
  region: optionalText(10),
  postalCode: optionalText(20),
  city: optionalText(80),
  method: z.string().trim().min(1, "Name a shipping method").max(200),
});
