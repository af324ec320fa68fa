import type { ReactNode } from "react";
import { BlockStack, Box, Card, IndexTable, Text, type IndexTableProps } from "@shopify/polaris";

/** One column of a table: its heading and, declared beside it, what its cell shows for a row. */
export type Column<Row> = {
  heading: string;
  /** A column of numbers: heading and cells right-aligned, the cells in tabular figures so they line up. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
};

type TableProps<Row> = {
  /** What a row is, singular ("order"); the plural defaults to noun + "s". */
  noun: string;
  nounPlural?: string;
  rows: readonly Row[];
  rowId: (row: Row) => string;
  columns: readonly Column<Row>[];
  /** Shown instead of the table when there are no rows (Polaris's own empty search result when left out). */
  emptyState?: ReactNode;
  /** Polaris Pagination at the foot of the table. */
  pagination?: IndexTableProps["pagination"];
};

/** A read-only Polaris table from its column specification, for a table that sits inside a card of its own. */
export function ColumnTable<Row>({ noun, nounPlural = `${noun}s`, rows, rowId, columns, emptyState, pagination }: TableProps<Row>) {
  const headings = columns.map((column) => (column.numeric ? { title: column.heading, alignment: "end" as const } : { title: column.heading }));
  return (
    <IndexTable
      resourceName={{ singular: noun, plural: nounPlural }}
      itemCount={rows.length}
      selectable={false}
      emptyState={emptyState}
      headings={headings as IndexTableProps["headings"]}
      pagination={pagination}
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={rowId(row)} key={rowId(row)} position={index}>
          {columns.map((column, columnIndex) => (
            <IndexTable.Cell key={columnIndex}>
              {column.numeric ? (
                <Text as="span" alignment="end" numeric>
                  {column.cell(row)}
                </Text>
              ) : (
                column.cell(row)
              )}
            </IndexTable.Cell>
          ))}
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

type Props<Row> = Omit<TableProps<Row>, "emptyState"> & {
  title?: string;
  /** A line under the title. */
  description?: string;
  emptyText: string;
  /** "critical" when the empty text reports a problem rather than an empty list. */
  emptyTone?: "critical";
};

/** A read-only Polaris table in a card, with an optional title and an empty state: the admin's list pattern. */
export function TableCard<Row>({ title, description, emptyText, emptyTone, ...table }: Props<Row>) {
  const heading = title ? (
    <Text as="h2" variant="headingMd">
      {title}
    </Text>
  ) : null;
  return (
    <Card padding="0">
      {heading ? (
        <Box padding="400">
          {description ? (
            <BlockStack gap="100">
              {heading}
              <Text as="p" tone="subdued">
                {description}
              </Text>
            </BlockStack>
          ) : (
            heading
          )}
        </Box>
      ) : null}
      <ColumnTable
        {...table}
        emptyState={
          <Box padding="400">
            <Text as="p" tone={emptyTone}>
              {emptyText}
            </Text>
          </Box>
        }
      />
    </Card>
  );
}
