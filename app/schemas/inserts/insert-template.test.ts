import { describe, expect, it } from "vitest";
import { DEFAULT_INSERTS } from "~/domain/templates/default-inserts";
import { parseInsertTemplate } from "./insert-template";

describe("insert template documents", () => {
  it("accepts every built-in insert as a template document", () => {
    for (const [id, insert] of Object.entries(DEFAULT_INSERTS)) {
      const result = parseInsertTemplate({ id, name: insert.name, fallbackLocale: "en", variants: insert.templates });
      expect(result, id).toMatchObject({ ok: true, template: { id, paperSize: null } });
    }
  });

  it("names the locale and line of a Liquid mistake", () => {
    const result = parseInsertTemplate({ id: "card", name: "Card", fallbackLocale: "en", variants: { en: "<p>Hi</p>", de: "<p>{% if customer %}Hallo</p>" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].path).toBe("variants.de");
    expect(result.errors[0].message).toMatch(/^Line 1, column \d+: .*if/i);
  });

  it("requires a known paper, a usable id and a name", () => {
    const result = parseInsertTemplate({ id: "no spaces", name: "", paperSize: "B5", fallbackLocale: "en", variants: { en: "x" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path).sort()).toEqual(["id", "name", "paperSize"]);
  });

  it("requires a variant for the fallback language and no empty variants", () => {
    const result = parseInsertTemplate({ id: "card", name: "Card", fallbackLocale: "fr", variants: { en: "x", "de-CH": "  " } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path).sort()).toEqual(["fallbackLocale", "variants.de-CH"]);
  });
});
