import { z } from "zod";
import { validateTemplate } from "../../domain/templates/render-insert";
import { TEMPLATE_LIMITS } from "../../domain/templates/sandboxed-liquid";

/** Paper an insert prints on; "4x6" is the common thermal label (4 × 6 in). */
export const PAPER_SIZES = ["A6", "A5", "Letter", "4x6"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

const localeKey = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i, 'Use a language code such as "de" or "de-CH"');

/**
 * A package-insert template as stored in `InsertTemplate.document` and edited in the admin: Liquid
 * source per locale (rendered by `renderInsert` in the sandbox) and the locale used when the customer's
 * language has no variant. `paperSize` null means the shop's default paper.
 */
export const insertTemplateSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "Use up to 64 letters, digits, dashes or underscores"),
    name: z.string().trim().min(1, "Name must not be empty").max(80, "Name is at most 80 characters"),
    paperSize: z
      .enum(PAPER_SIZES, { errorMap: () => ({ message: "Choose A6, A5, Letter or 4x6" }) })
      .nullable()
      .default(null),
    fallbackLocale: localeKey,
    variants: z.record(localeKey, z.string().max(TEMPLATE_LIMITS.sourceChars, `A template is at most ${TEMPLATE_LIMITS.sourceChars} characters`)),
  })
  .superRefine((template, ctx) => {
    const locales = Object.keys(template.variants);
    if (locales.length === 0) ctx.addIssue({ code: "custom", path: ["variants"], message: "Add at least one language" });
    const normalized = (locale: string) => locale.toLowerCase().replace(/_/g, "-");
    if (locales.length > 0 && !locales.some((locale) => normalized(locale) === normalized(template.fallbackLocale))) {
      ctx.addIssue({ code: "custom", path: ["fallbackLocale"], message: `Add a "${template.fallbackLocale}" variant or choose a fallback you have` });
    }
    for (const [locale, source] of Object.entries(template.variants)) {
      if (source.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["variants", locale], message: "The template is empty" });
        continue;
      }
      const checked = validateTemplate(source);
      if (!checked.ok) {
        for (const problem of checked.errors) {
          const where = problem.line === null ? "" : `Line ${problem.line}, column ${problem.column}: `;
          ctx.addIssue({ code: "custom", path: ["variants", locale], message: `${where}${problem.message}` });
        }
      }
    }
  });

export type InsertTemplateDocument = z.infer<typeof insertTemplateSchema>;

export type TemplateParseResult = { ok: true; template: InsertTemplateDocument } | { ok: false; errors: { path: string; message: string }[] };

/** Validates a template from the editor (including its Liquid); errors carry dotted paths such as "variants.de". */
export function parseInsertTemplate(input: unknown): TemplateParseResult {
  const parsed = insertTemplateSchema.safeParse(input);
  if (parsed.success) return { ok: true, template: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) };
}
