import { errorText } from "../errors/error-text";
import { resolveTemplateLocale } from "../templates/render-insert";
import { TEMPLATE_LIMITS, createSandboxedLiquid } from "../templates/sandboxed-liquid";
import type { MessageSource } from "./built-in-messages";

// Renders a follow-up email in the customer's language inside the sandbox: the HTML part with every output
// HTML-escaped, the subject and the plain-text part without (they are not HTML: "Tea & Cups" stays so).

/** What the message templates read; dates arrive formatted in the customer's locale and time zone. */
export type MessageData = {
  customer: { first_name: string | null };
  order: { name: string };
  shop: { name: string; email: string | null };
  promised_on: string | null;
  shipped_on: string | null;
  arrived_on: string | null;
  days_early: number | null;
  late: boolean;
  tracking_url: string | null;
  tracking_number: string | null;
  carrier: string | null;
  products: { title: string; care: string | null; review_url: string | null; image_url: string | null }[];
  review_url: string | null;
  code: string | null;
  code_expires_on: string | null;
  unsubscribe_url: string;
  accent_color: string;
};

export type RenderedMessage = { ok: true; subject: string; html: string; text: string; localeUsed: string } | { ok: false; error: string };

const htmlEngine = createSandboxedLiquid();
const textEngine = createSandboxedLiquid({ escapeHtml: false });

type Engine = typeof htmlEngine;
type Parsed = ReturnType<Engine["parse"]>;
/** Parsed sources by engine and text: every message of a rule shares them, and parsing cost more than rendering. */
const parsed = new Map<Engine, Map<string, Parsed>>([
  [htmlEngine, new Map()],
  [textEngine, new Map()],
]);

function renderSource(engine: Engine, source: string, data: MessageData): Promise<unknown> {
  const cache = parsed.get(engine) as Map<string, Parsed>;
  let templates = cache.get(source);
  if (!templates) {
    templates = engine.parse(source);
    if (cache.size >= 500) cache.clear();
    cache.set(source, templates);
  }
  return engine.render(templates, data);
}

/** Subjects are one line: line breaks a template left in are folded into spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export async function renderMessage(args: {
  sources: Record<string, MessageSource>;
  fallbackLocale: string;
  locale: string | null;
  data: MessageData;
}): Promise<RenderedMessage> {
  const localeUsed = resolveTemplateLocale(Object.keys(args.sources), args.locale, args.fallbackLocale);
  if (localeUsed === null) return { ok: false, error: `No message for "${args.locale ?? "unknown"}" and none for the fallback "${args.fallbackLocale}"` };
  const source = args.sources[localeUsed];
  try {
    const [subject, html, text] = await Promise.all([
      renderSource(textEngine, source.subject, args.data),
      renderSource(htmlEngine, source.html, args.data),
      renderSource(textEngine, source.text, args.data),
    ]);
    if ([subject, html, text].some((part) => typeof part !== "string")) return { ok: false, error: "The message did not produce text" };
    if ([html, text].some((part) => new TextEncoder().encode(String(part)).length > TEMPLATE_LIMITS.outputBytes)) {
      return { ok: false, error: `The message is too large (over ${TEMPLATE_LIMITS.outputBytes / 1024} KB)` };
    }
    const line = oneLine(String(subject));
    if (line === "") return { ok: false, error: "The subject came out empty" };
    return { ok: true, subject: line, html: String(html), text: String(text), localeUsed };
  } catch (error: unknown) {
    return { ok: false, error: `The message could not be rendered: ${errorText(error)}` };
  }
}
