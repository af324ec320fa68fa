import { describe, expect, it } from "vitest";
import { renderInsert, resolveTemplateLocale, validateTemplate } from "./render-insert";

const render = (source: string, data: Record<string, unknown> = {}) => renderInsert({ templates: { en: source }, fallbackLocale: "en", locale: "en", data });

describe("renderInsert", () => {
  it("renders data into the template", async () => {
    const result = await render("<p>Hi {{ customer.first_name | upcase }}, order {{ order.name }}</p>", {
      customer: { first_name: "Anna" },
      order: { name: "#1001" },
    });
    expect(result).toEqual({ ok: true, html: "<p>Hi ANNA, order #1001</p>", localeUsed: "en" });
  });

  it("escapes HTML in data, also through | raw", async () => {
    const name = `<script>alert("x")</script>`;
    expect(await render("{{ name }}|{{ name | raw }}", { name })).toEqual({
      ok: true,
      html: "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;|&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;",
      localeUsed: "en",
    });
  });

  it("does not expose inherited properties", async () => {
    expect(await render("[{{ customer.constructor }}][{{ customer.__proto__ }}]", { customer: {} })).toEqual({ ok: true, html: "[][]", localeUsed: "en" });
  });

  it("reports syntax errors with their line and column", async () => {
    expect(await render("<p>Hi</p>\n{% if code %}\n<p>{{ code }}</p>")).toEqual({ ok: false, error: "Line 2, column 1: tag {% if code %} not closed" });
  });

  it("rejects unknown filters", async () => {
    expect(await render("{{ code | shout }}")).toEqual({ ok: false, error: "Line 1, column 1: undefined filter: shout" });
  });

  it("stops an enormous loop with a clear error", async () => {
    const result = await render("{% for i in (1..100000000) %}x{% endfor %}");
    expect(result).toEqual({ ok: false, error: "Line 1, column 1: The template needs too much memory, usually a very large loop or repeated text" });
  });

  it("stops nested loops that run too long", async () => {
    // Loops over data allocate nothing, so the time limit (not the memory limit) is what stops 64 million iterations.
    const items = Array.from({ length: 400 }, (_, i) => i);
    const source = "{% for a in items %}{% for b in items %}{% for c in items %}{% if c == -1 %}x{% endif %}{% endfor %}{% endfor %}{% endfor %}";
    const result = await render(source, { items });
    // Where the limit strikes (the column) depends on the machine's speed; the message does not.
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Line 1, column \d+: The template took longer than 1000 ms to render; look for very large loops$/),
    });
  });

  it("blocks output over 64 KB", async () => {
    // 70 KB in 35 iterations: far below the 1000 ms limit even on a busy machine, so the size check is what trips.
    const result = await render("{% for i in (1..35) %}{{ block }}{% endfor %}", { block: "x".repeat(2000) });
    expect(result).toEqual({ ok: false, error: "The template output is too large (over 64 KB)" });
  });

  it("blocks string doubling before it eats memory", async () => {
    const result = await render("{% assign s = 'xx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}");
    expect(result.ok).toBe(false);
  });

  it.each([
    ["{% include 'etc/passwd' %}", "include"],
    ["{% include '/etc/passwd' %}", "include"],
    ["{% render '../../package.json' %}", "render"],
    ["{% layout 'default' %}body", "layout"],
  ])("refuses %s without reading files", async (source, tag) => {
    expect(await render(`<p>\n${source}`)).toEqual({
      ok: false,
      error: `Line 2, column 1: {% ${tag} %} is not available in insert templates; put everything in this one template`,
    });
  });
});

describe("locale fallback", () => {
  const templates = { "de-CH": "Grüezi", de: "Hallo", en: "Hello", "pt-BR": "Olá" };

  it.each<[string | null, string, string | null]>([
    ["de-CH", "en", "de-CH"],
    ["de_ch", "en", "de-CH"],
    ["de-AT", "en", "de"],
    ["de", "en", "de"],
    ["fr-FR", "en", "en"],
    [null, "en", "en"],
    ["fr", "pt-PT", null],
    ["fr", "de-AT", "de"],
    ["fr", "it", null],
  ])("%s with fallback %s uses %s", (locale, fallback, expected) => {
    expect(resolveTemplateLocale(Object.keys(templates), locale, fallback)).toBe(expected);
  });

  it("renders the resolved translation and names it", async () => {
    expect(await renderInsert({ templates, fallbackLocale: "en", locale: "de-AT", data: {} })).toEqual({ ok: true, html: "Hallo", localeUsed: "de" });
  });

  it("fails clearly when neither the locale nor the fallback exists", async () => {
    expect(await renderInsert({ templates: { sv: "Hej" }, fallbackLocale: "en", locale: "fr", data: {} })).toEqual({
      ok: false,
      error: 'No template for "fr" and none for the fallback "en"',
    });
  });
});

describe("validateTemplate", () => {
  it("accepts a valid template", () => {
    expect(validateTemplate("{% if code %}{{ code }}{% endif %}")).toEqual({ ok: true });
  });

  it("points at the broken spot", () => {
    expect(validateTemplate("line one\nline two {{ code | nope }}")).toEqual({
      ok: false,
      errors: [{ line: 2, column: 10, message: "undefined filter: nope" }],
    });
  });

  it("reports an unclosed output tag", () => {
    const result = validateTemplate("Hi {{ customer.first_name");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].line).toBe(1);
  });

  it("rejects templates over the size limit", () => {
    expect(validateTemplate("x".repeat(50_001))).toEqual({
      ok: false,
      errors: [{ line: null, column: null, message: "The template is longer than 50000 characters" }],
    });
  });
});
