import { LiquidError } from "liquidjs";
import { TEMPLATE_LIMITS, createSandboxedLiquid } from "./sandboxed-liquid";
import { errorText } from "../errors/error-text";

/**
 * What insert templates may use. Dates arrive preformatted for the customer's locale
 * (see `formatDateForLocale`), so templates never deal with time zones.
 */
export type InsertTemplateData = {
  customer?: { first_name?: string | null };
  order?: { name?: string };
  shop?: { name?: string };
  code?: string | null;
  code_expires_on?: string | null;
  [key: string]: unknown;
};

export type RenderInsertResult = { ok: true; html: string; localeUsed: string } | { ok: false; error: string };
export type TemplateProblem = { line: number | null; column: number | null; message: string };

const engine = createSandboxedLiquid();

function readPosition(error: unknown): { line: number | null; column: number | null } {
  if (!LiquidError.is(error) || !error.token) return { line: null, column: null };
  const [line, column] = error.token.getPosition();
  return { line, column };
}

/** Turns a liquidjs failure into a sentence a merchant can act on. */
function describeProblem(error: unknown): TemplateProblem {
  const raw = errorText(error);
  const message = raw.replace(/, line:\d+, col:\d+$/, "");
  const { line, column } = readPosition(error);
  if (message.includes("render limit exceeded")) {
    return { line, column, message: `The template took longer than ${TEMPLATE_LIMITS.renderMs} ms to render; look for very large loops` };
  }
  if (message.includes("memory alloc limit exceeded")) {
    return { line, column, message: "The template needs too much memory, usually a very large loop or repeated text" };
  }
  if (message.includes("parse length limit exceeded")) {
    return { line: null, column: null, message: `The template is longer than ${TEMPLATE_LIMITS.sourceChars} characters` };
  }
  return { line, column, message };
}

function formatProblem(problem: TemplateProblem): string {
  return problem.line === null ? problem.message : `Line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** Normalized comparison key: "de_CH" and "DE-ch" are the same locale. */
const localeKey = (locale: string) => locale.trim().toLowerCase().replace(/_/g, "-");

/**
 * Picks the template for a customer's locale: the exact locale ('de-CH'), then its language ('de'),
 * then the shop's fallback locale (exact, then its language). Returns the key as the merchant wrote it.
 */
export function resolveTemplateLocale(available: readonly string[], locale: string | null, fallbackLocale: string): string | null {
  const byKey = new Map(available.map((key) => [localeKey(key), key]));
  const candidates = [locale, fallbackLocale].flatMap((wanted) => {
    if (!wanted) return [];
    const key = localeKey(wanted);
    return [key, key.split("-")[0]];
  });
  for (const candidate of candidates) {
    const found = byKey.get(candidate);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * Renders a package-insert template in the customer's language inside the sandbox. Never throws: syntax errors
 * (with line and column), limit breaches and missing translations come back as `{ ok: false, error }`.
 */
export async function renderInsert(args: {
  templates: Record<string, string>;
  fallbackLocale: string;
  locale: string | null;
  data: InsertTemplateData;
}): Promise<RenderInsertResult> {
  const localeUsed = resolveTemplateLocale(Object.keys(args.templates), args.locale, args.fallbackLocale);
  if (localeUsed === null) {
    return { ok: false, error: `No template for "${args.locale ?? "unknown"}" and none for the fallback "${args.fallbackLocale}"` };
  }
  try {
    const html: unknown = await engine.parseAndRender(args.templates[localeUsed], args.data);
    if (typeof html !== "string") return { ok: false, error: "The template did not produce text" };
    if (new TextEncoder().encode(html).length > TEMPLATE_LIMITS.outputBytes) {
      return { ok: false, error: `The template output is too large (over ${TEMPLATE_LIMITS.outputBytes / 1024} KB)` };
    }
    return { ok: true, html, localeUsed };
  } catch (error: unknown) {
    return { ok: false, error: formatProblem(describeProblem(error)) };
  }
}

/** Checks a template for the editor without rendering it: every problem comes with its line and column. */
export function validateTemplate(source: string): { ok: true } | { ok: false; errors: TemplateProblem[] } {
  try {
    engine.parse(source);
    return { ok: true };
  } catch (error: unknown) {
    return { ok: false, errors: [describeProblem(error)] };
  }
}
