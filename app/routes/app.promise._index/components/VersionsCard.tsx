import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import { ColumnTable, type TableSpec } from "~/components/common/TableCard";
import { formatDateTime } from "~/utils/format";
import type { JobState } from "~/domain/jobs/job-state";
import { JobStatus } from "./JobStatus";
import { SectionCard } from "~/components/common/SectionCard";

type Version = { version: number; effectiveFrom: Date | string; createdAt: Date | string; publishedAt: Date | string | null; isInForce: boolean };
type Props = { versions: Version[]; inForce: number | null; checkoutVersion: number | null; sync: JobState };

/** The versions' table; `checkoutVersion` is the one checkout shows. */
function versionsTable(checkoutVersion: number | null): TableSpec<Version> {
  return {
    noun: "version",
    rowId: (row) => String(row.version),
    columns: [
      { heading: "Version", cell: (row) => <>Version {row.version}</> },
      { heading: "Saved (UTC)", cell: (row) => formatDateTime(row.createdAt) },
      { heading: "In force from (UTC)", cell: (row) => formatDateTime(row.effectiveFrom) },
      { heading: "Published to checkout (UTC)", cell: (row) => (row.publishedAt ? formatDateTime(row.publishedAt) : "not yet") },
      {
        heading: "",
        cell: (row) => (
          <InlineStack gap="100">
            {row.isInForce ? <Badge tone="success">In force now</Badge> : null}
            {row.version === checkoutVersion ? <Badge tone="info">Checkout shows it</Badge> : null}
          </InlineStack>
        ),
      },
    ],
  };
}

/** Every saved version (none is ever changed), when each reached checkout, and the latest metafield sync. */
export function VersionsCard({ versions, inForce, checkoutVersion, sync }: Props) {
  return (
    <SectionCard title="Versions and sync" gap="300">
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          {inForce === null ? "Checkout config" : `Checkout config (version ${inForce})`}
        </Text>
        <JobStatus
          state={sync}
          what={`publishing version ${inForce ?? "?"} to the shop metafield $app:promise/config`}
          succeeded="Published to the shop metafield $app:promise/config"
          none={inForce === null ? "No settings saved yet: checkout shows no Kept dates." : "No sync job recorded yet."}
        />
      </BlockStack>
      <ColumnTable table={versionsTable(checkoutVersion)} rows={versions} emptyState={<Text as="p">No versions yet.</Text>} />
    </SectionCard>
  );
}
