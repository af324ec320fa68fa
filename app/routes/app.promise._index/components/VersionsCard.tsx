import { Badge, BlockStack, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { formatDateTime } from "~/utils/format";
import type { JobState } from "~/domain/jobs/job-state";
import { JobStatus } from "./JobStatus";
import { SectionCard } from "~/components/common/SectionCard";

type Version = { version: number; effectiveFrom: Date | string; createdAt: Date | string; publishedAt: Date | string | null; isInForce: boolean };
type Props = { versions: Version[]; inForce: number | null; checkoutVersion: number | null; sync: JobState };

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
      <IndexTable
        resourceName={{ singular: "version", plural: "versions" }}
        itemCount={versions.length}
        selectable={false}
        emptyState={<Text as="p">No versions yet.</Text>}
        headings={[{ title: "Version" }, { title: "Saved (UTC)" }, { title: "In force from (UTC)" }, { title: "Published to checkout (UTC)" }, { title: "" }]}
      >
        {versions.map((row, index) => (
          <IndexTable.Row id={String(row.version)} key={row.version} position={index}>
            <IndexTable.Cell>Version {row.version}</IndexTable.Cell>
            <IndexTable.Cell>{formatDateTime(row.createdAt)}</IndexTable.Cell>
            <IndexTable.Cell>{formatDateTime(row.effectiveFrom)}</IndexTable.Cell>
            <IndexTable.Cell>{row.publishedAt ? formatDateTime(row.publishedAt) : "not yet"}</IndexTable.Cell>
            <IndexTable.Cell>
              <InlineStack gap="100">
                {row.isInForce ? <Badge tone="success">In force now</Badge> : null}
                {row.version === checkoutVersion ? <Badge tone="info">Checkout shows it</Badge> : null}
              </InlineStack>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </SectionCard>
  );
}
