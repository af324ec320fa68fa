import { z } from "zod";
import type { FollowUpSettings } from "~/domain/follow-ups/follow-up-settings";

// The Email settings form (strings from FormData) into FollowUpSettings, with messages a merchant can act on.

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => (value === "" ? null : value));

const optionalEmail = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value.toLowerCase()))
  .pipe(z.string().email("Write an email address such as care@yourshop.com").nullable());

const clock = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-4]):([0-5]\d)$/, "Write a time such as 09:00")
  .transform((value) => {
    const [hours, minutes] = value.split(":").map(Number);
    return hours * 60 + minutes;
  })
  .pipe(z.number().max(1440, "Write a time up to 24:00"));

const reviewUrl = optionalText(500, "Keep the address under 500 characters").refine(
  (value) => value === null || /^https:\/\/[^\s]+$/.test(value.replaceAll(/\{\{\s*[a-z_.]+\s*\}\}/g, "x")),
  "Write the full https:// address of your review page",
);

const settingsForm = z
  .object({
    senderName: optionalText(80, "Keep the name under 80 characters"),
    senderEmail: optionalEmail,
    replyTo: optionalEmail,
    strictConsent: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
    marketingCapDays: z.coerce
      .number({ invalid_type_error: "Write a number of days" })
      .int("Write whole days")
      .min(0, "At least 0 days")
      .max(60, "At most 60 days"),
    windowStart: clock,
    windowEnd: clock,
    reviewUrlTemplate: reviewUrl,
  })
  .refine((form) => form.windowEnd - form.windowStart >= 60, { path: ["windowEnd"], message: "The window must end at least an hour after it starts" });

export type SettingsFormResult = { ok: true; settings: FollowUpSettings } | { ok: false; errors: { path: string; message: string }[] };

export function parseFollowUpSettingsForm(input: Record<string, unknown>): SettingsFormResult {
  const parsed = settingsForm.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) };
  const { windowStart, windowEnd, ...rest } = parsed.data;
  return { ok: true, settings: { ...rest, windowStartMinute: windowStart, windowEndMinute: windowEnd } };
}

/** 540 → "09:00". */
export const clockText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
