import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { DEFAULT_INSERT_LOCALES } from "~/domain/templates/default-inserts";
import { getInsertTemplate, listInsertTemplates, saveInsertTemplate, seedDefaultTemplates } from "~/models/inserts/insert-template.server";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";

beforeEach(resetDatabase);

const card = (overrides: Record<string, unknown> = {}) => ({
  id: "postcard",
  name: "Postcard",
  paperSize: "A6",
  fallbackLocale: "en",
  variants: { en: "<p>Hi {{ customer.first_name }}</p>", de: "<p>Hallo {{ customer.first_name }}</p>" },
  ...overrides,
});

describe("insert templates", () => {
  it("seeds the four built-in inserts once per shop, in every default language", async () => {
    const [first, second] = await Promise.all([seedDefaultTemplates(TEST_SHOP), seedDefaultTemplates(TEST_SHOP)]);
    expect(first + second).toBe(4);
    expect(await seedDefaultTemplates(TEST_SHOP)).toBe(0);
    const templates = await listInsertTemplates(TEST_SHOP);
    expect(templates.map((template) => template.id).sort()).toEqual(["care-guide", "first-order-thanks", "loyal-gift-note", "next-order-code"]);
    expect(templates.every((template) => template.version === 1 && template.locales.join() === DEFAULT_INSERT_LOCALES.join())).toBe(true);
    expect(await prisma.insertTemplateVersion.count({ where: { shop: TEST_SHOP } })).toBe(4);
    expect(await listInsertTemplates(OTHER_SHOP)).toEqual([]);
  });

  it("does not seed a shop that already has a template of its own", async () => {
    await saveInsertTemplate(TEST_SHOP, { document: card(), baseVersion: 0 });
    expect(await seedDefaultTemplates(TEST_SHOP)).toBe(0);
    expect(await prisma.insertTemplate.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });

  it("creates and edits with a version per save, and refuses stale edits", async () => {
    expect(await saveInsertTemplate(TEST_SHOP, { document: card(), baseVersion: 0 })).toEqual({ ok: true, id: "postcard", version: 1 });
    expect(await saveInsertTemplate(TEST_SHOP, { document: card({ name: "Postcard 2", paperSize: null }), baseVersion: 1 })).toEqual({
      ok: true,
      id: "postcard",
      version: 2,
    });
    expect(await saveInsertTemplate(TEST_SHOP, { document: card({ name: "Stale" }), baseVersion: 1 })).toMatchObject({ ok: false, conflict: true });

    const template = await getInsertTemplate(TEST_SHOP, "postcard");
    expect(template).toMatchObject({ version: 2, document: { name: "Postcard 2", paperSize: null } });
    expect(template?.versions.map((entry) => entry.version)).toEqual([2, 1]);
  });

  it("refuses broken Liquid with the language, line and column, and saves nothing", async () => {
    const broken = card({ variants: { en: "<p>Hi</p>", de: "<h1>Hallo</h1>\n{% if code %}\n<p>{{ code }}</p>" } });
    const result = await saveInsertTemplate(TEST_SHOP, { document: broken, baseVersion: 0 });
    expect(result).toEqual({ ok: false, conflict: false, errors: [{ path: "variants.de", message: "Line 2, column 1: tag {% if code %} not closed" }] });
    expect(await prisma.insertTemplate.count()).toBe(0);
  });

  it("keeps shops apart", async () => {
    await saveInsertTemplate(TEST_SHOP, { document: card(), baseVersion: 0 });
    expect(await getInsertTemplate(OTHER_SHOP, "postcard")).toBeNull();
    expect(await saveInsertTemplate(OTHER_SHOP, { document: card({ name: "B's edit" }), baseVersion: 1 })).toMatchObject({ ok: false, conflict: true });
    expect((await getInsertTemplate(TEST_SHOP, "postcard"))?.document?.name).toBe("Postcard");
  });
});
