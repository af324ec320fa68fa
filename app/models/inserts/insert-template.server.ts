import prisma, { inTransaction } from "~/models/db/prisma.server";
import { DEFAULT_INSERTS } from "~/domain/templates/default-inserts";
import { insertTemplateSchema, parseInsertTemplate, type InsertTemplateDocument } from "~/schemas/inserts/insert-template";
import { describeEditConflict } from "~/utils/editor-form";
import type { FieldError } from "~/utils/form-json";

const LIST = { id: true, name: true, version: true, document: true, updatedAt: true } as const;

/** A stored template document; null when it no longer validates (never written that way by Kept). */
function readDocument(json: string): InsertTemplateDocument | null {
  try {
    const parsed = insertTemplateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The shop's templates for lists and pickers: name, version, languages, paper. */
export async function listInsertTemplates(shop: string) {
  const rows = await prisma.insertTemplate.findMany({ where: { shop, archivedAt: null }, orderBy: { name: "asc" }, select: LIST });
  return rows.map(({ document, ...row }) => {
    const parsed = readDocument(document);
    return {
      ...row,
      locales: parsed ? Object.keys(parsed.variants) : [],
      fallbackLocale: parsed?.fallbackLocale ?? null,
      paperSize: parsed?.paperSize ?? null,
    };
  });
}

/** One template with its saved versions (newest first); null when the shop has no such template. */
export async function getInsertTemplate(shop: string, id: string) {
  const row = await prisma.insertTemplate.findUnique({ where: { shop_id: { shop, id } }, select: LIST });
  if (!row) return null;
  const versions = await prisma.insertTemplateVersion.findMany({
    where: { shop, templateId: id },
    orderBy: { version: "desc" },
    take: 20,
    select: { version: true, createdAt: true },
  });
  return { id: row.id, version: row.version, updatedAt: row.updatedAt, document: readDocument(row.document), versions };
}

export type SaveTemplateResult = { ok: true; id: string; version: number } | { ok: false; conflict: boolean; errors: FieldError[] };

/**
 * Saves a template from the editor (Liquid checked by `parseInsertTemplate`): appends an
 * `InsertTemplateVersion` and updates `InsertTemplate` in one transaction. `baseVersion` is the version the
 * editor started from (0 for a new template); a save in between is a conflict and changes nothing.
 */
export async function saveInsertTemplate(shop: string, input: { document?: unknown; baseVersion: number }): Promise<SaveTemplateResult> {
  const parsed = parseInsertTemplate(input.document);
  if (!parsed.ok) return { ok: false, conflict: false, errors: parsed.errors };
  const template = parsed.template;
  return inTransaction(async (tx): Promise<SaveTemplateResult> => {
    const current = await tx.insertTemplate.findUnique({ where: { shop_id: { shop, id: template.id } }, select: { version: true } });
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.baseVersion) return { ok: false, conflict: true, errors: [describeEditConflict("template", current?.version ?? null)] };
    const version = currentVersion + 1;
    const document = JSON.stringify(template);
    // The template first: a version belongs to its template (a foreign key).
    await tx.insertTemplate.upsert({
      where: { shop_id: { shop, id: template.id } },
      create: { shop, id: template.id, version, name: template.name, document },
      update: { version, name: template.name, document },
    });
    await tx.insertTemplateVersion.create({ data: { shop, templateId: template.id, version, document } });
    return { ok: true, id: template.id, version };
  });
}

/**
 * Gives a shop that has no templates yet the four built-in inserts (thank-you card, care guide, gift note,
 * next-order code card) in en, de, sv, ru, fr and es, as version 1 each. Idempotent: a shop that has any
 * template (even after editing or archiving the built-in ones) gets nothing. Returns how many were created.
 */
export async function seedDefaultTemplates(shop: string): Promise<number> {
  if ((await prisma.insertTemplate.count({ where: { shop } })) > 0) return 0;
  return inTransaction(async (tx) => {
    // Checked again under the write lock: two first visits at once seed once.
    if ((await tx.insertTemplate.count({ where: { shop } })) > 0) return 0;
    for (const [id, { name, templates }] of Object.entries(DEFAULT_INSERTS)) {
      const document = JSON.stringify({ id, name, paperSize: null, fallbackLocale: "en", variants: templates } satisfies InsertTemplateDocument);
      await tx.insertTemplate.create({ data: { shop, id, version: 1, name, document } });
      await tx.insertTemplateVersion.create({ data: { shop, templateId: id, version: 1, document } });
    }
    return Object.keys(DEFAULT_INSERTS).length;
  });
}
