import { Link } from "@remix-run/react";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import type { loadInsertsOverview } from "~/services/inserts/inserts-overview.server";
import { formatDateTime } from "~/utils/format";

type Data = Awaited<ReturnType<typeof loadInsertsOverview>>;

/** The templates' table; a template without its own paper prints on the shop's, `shopPaperSize`. */
function templatesTable(shopPaperSize: string): TableSpec<Data["templates"][number]> {
  return {
    noun: "template",
    rowId: (template) => template.id,
    columns: [
      { heading: "Template", cell: (template) => <Link to={`/app/inserts/templates/${template.id}`}>{template.name}</Link> },
      { heading: "Languages", cell: (template) => template.locales.join(", ") },
      { heading: "Fallback", cell: (template) => template.fallbackLocale ?? "—" },
      { heading: "Paper", cell: (template) => template.paperSize ?? `shop default (${shopPaperSize})` },
      { heading: "Version", cell: (template) => `v${template.version} · ${formatDateTime(template.updatedAt)}` },
    ],
  };
}

/** The shop's insert templates: languages, paper and the last saved version. */
export function TemplatesCard({ templates, shopPaperSize }: { templates: Data["templates"]; shopPaperSize: string }) {
  return <TableCard title="Insert templates" table={templatesTable(shopPaperSize)} rows={templates} />;
}
