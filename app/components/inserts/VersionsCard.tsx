import { List, Text } from "@shopify/polaris";
import { formatDateTime } from "~/utils/format";
import { SectionCard } from "~/components/common/SectionCard";

/** The saved versions of a rule or template, newest first. */
export function VersionsCard({ versions }: { versions: { version: number; createdAt: Date | string }[] }) {
  return (
    <SectionCard title="Versions">
      {versions.length === 0 ? (
        <Text as="p" tone="subdued">
          Not saved yet.
        </Text>
      ) : (
        <List>
          {versions.map((entry, index) => (
            <List.Item
              key={entry.version}
            >{`Version ${entry.version}${index === 0 ? " (current)" : ""}, saved ${formatDateTime(entry.createdAt)} UTC`}</List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}
