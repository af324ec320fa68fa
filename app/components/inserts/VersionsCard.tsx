import { BlockStack, Card, List, Text } from "@shopify/polaris";
import { formatDateTime } from "~/utils/format";

/** The saved versions of a rule or template, newest first. */
export function VersionsCard({ versions }: { versions: { version: number; createdAt: Date | string }[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Versions
        </Text>
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
      </BlockStack>
    </Card>
  );
}
