import { Link } from "@remix-run/react";
import { IndexTable } from "@shopify/polaris";
import { TableCard } from "~/components/common/TableCard";
import type { loadInsertsOverview } from "~/services/inserts/inserts-overview.server";
import { formatDateTime } from "~/utils/format";

type Data = Awaited<ReturnType<typeof loadInsertsOverview>>;

/** The shop's insert templates: languages, paper and the last saved version. */
export function TemplatesCard({ templates, shopPaperSize }: { templates: Data["templates"]; shopPaperSize: string }) {
  return (
    <TableCard
      title="Insert templates"
      resourceName={{ singular: "template", plural: "templates" }}
      itemCount={templates.length}
      emptyText="No templates yet."
      headings={[{ title: "Template" }, { title: "Languages" }, { title: "Fallback" }, { title: "Paper" }, { title: "Version" }]}
    >
      {templates.map((template, index) => (
        <IndexTable.Row id={template.id} key={template.id} position={index}>
          <IndexTable.Cell>
            <Link to={`/app/inserts/templates/${template.id}`}>{template.name}</Link>
          </IndexTable.Cell>
          <IndexTable.Cell>{template.locales.join(", ")}</IndexTable.Cell>
          <IndexTable.Cell>{template.fallbackLocale ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{template.paperSize ?? `shop default (${shopPaperSize})`}</IndexTable.Cell>
          <IndexTable.Cell>{`v${template.version} · ${formatDateTime(template.updatedAt)}`}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </TableCard>
  );
}
