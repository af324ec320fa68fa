import type { ReactNode } from "react";
import { Box, Card, IndexTable, Text, type IndexTableProps } from "@shopify/polaris";

type Props = {
  title?: string;
  resourceName: { singular: string; plural: string };
  itemCount: number;
  emptyText: string;
  headings: IndexTableProps["headings"];
  /** Polaris Pagination at the foot of the table. */
  pagination?: IndexTableProps["pagination"];
  children: ReactNode;
};

/** A read-only Polaris table in a card, with an optional title and an empty state: the admin's list pattern. */
export function TableCard({ title, resourceName, itemCount, emptyText, headings, pagination, children }: Props) {
  return (
    <Card padding="0">
      {title ? (
        <Box padding="400">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
        </Box>
      ) : null}
      <IndexTable
        resourceName={resourceName}
        itemCount={itemCount}
        selectable={false}
        emptyState={
          <Box padding="400">
            <Text as="p">{emptyText}</Text>
          </Box>
        }
        headings={headings}
        pagination={pagination}
      >
        {children}
      </IndexTable>
    </Card>
  );
}
