import type { ReactNode } from "react";
import { BlockStack, Box, Card, IndexTable, Text, type IndexTableProps } from "@shopify/polaris";

/** One column of a table: its heading and, declared beside it, what its cell shows for a row. */
export type Column<Row> = {
  heading: string;
  /** A column of numbers: heading and cells right-aligned, the cells in tabular figures so they line up. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
};

/** What a table is, apart from its rows: declared once, beside its columns, and handed to TableCard or ColumnTable. */
export type TableSpec<Row> = {
  /** What a row is, singular ("order"): Polaris's resource name, and the default empty text's noun. */
  noun: string;
  /** The plural of `noun`; noun + "s" when left out. */
  nounPlural?: string;
  /** A row's stable id, for React's key and Polaris's row id. */
  rowId: (row: Row) => string;
  /** The columns, left to right. */
  columns: readonly Column<Row>[];
  /** TableCard's text when there are no rows; `No ${nounPlural} yet.` when left out. */
  emptyText?: string;
};

const pluralOf = ({ noun, nounPlural }: Pick<TableSpec<unknown>, "noun" | "nounPlural">) => nounPlural ?? `${noun}s`;

type Pagination = IndexTableProps["pagination"];

type TableProps<Row> = {
  table: TableSpec<Row>;
  rows: readonly Row[];
  /** Shown instead of the table when there are no rows (Polaris's own empty search result when left out). */
  emptyState?: ReactNode;
  /** Polaris Pagination at the foot of the table. */
  pagination?: Pagination;
};

/** A read-only Polaris table from its spec, for a table that sits inside a card of its own. */
export function ColumnTable<Row>({ table, rows, emptyState, pagination }: TableProps<Row>) {
  const { rowId, columns } = table;
  const headings = columns.map((column) => (column.numeric ? { title: column.heading, alignment: "end" as const } : { title: column.heading }));
  return (
    <IndexTable
      resourceName={{ singular: table.noun, plural: pluralOf(table) }}
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

type Props<Row> = {
  title?: string;
  /** A line under the title. */
  description?: string;
  table: TableSpec<Row>;
  rows: readonly Row[];
  /** Overrides the spec's empty text, for one that depends on the data (a filter, a failed read). */
  emptyText?: string;
  /** "critical" when the empty text reports a problem rather than an empty list. */
  emptyTone?: "critical";
  /** Polaris Pagination at the foot of the table. */
  pagination?: Pagination;
};

/** A read-only Polaris table in a card, with an optional title and an empty state: the admin's list pattern. */
export function TableCard<Row>({ title, description, table, rows, emptyText, emptyTone, pagination }: Props<Row>) {
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
        table={table}
        rows={rows}
        pagination={pagination}
        emptyState={
          <Box padding="400">
            <Text as="p" tone={emptyTone}>
              {emptyText ?? table.emptyText ?? `No ${pluralOf(table)} yet.`}
            </Text>
          </Box>
        }
      />
    </Card>
  );
}
