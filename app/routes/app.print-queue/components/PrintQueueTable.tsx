import { Badge, BlockStack, Box, Card, IndexTable, InlineStack, Text, useIndexResourceState } from "@shopify/polaris";
import { Link } from "@remix-run/react";
import type { QueueRow } from "~/services/print-queue.server";
import { formatDateTime } from "~/utils/format";

type Row = QueueRow;

const CODE_TONE = { created: "success", failed: "critical", pending: "attention" } as const;

function Codes({ codes }: { codes: Row["codes"] }) {
  if (codes.length === 0) return <Text as="span" tone="subdued">—</Text>;
  return (
    <BlockStack gap="100">
      {codes.map((code, index) => (
        <InlineStack key={`${index}:${code.code}`} gap="200" blockAlign="center">
          <Text as="span" fontWeight="medium">{code.code}</Text>
          <Badge tone={CODE_TONE[code.status as keyof typeof CODE_TONE]}>{code.status}</Badge>
          {code.error ? <Text as="span" tone="critical">{code.error}</Text> : null}
        </InlineStack>
      ))}
    </BlockStack>
  );
}

type Props = { rows: Row[]; printed: boolean; onPrint: (orderGids: string[]) => void; onUnprint: (orderGids: string[]) => void };

/** The queue with selection: print a batch, or (on the printed tab) put orders back. */
export function PrintQueueTable({ rows, printed, onPrint, onUnprint }: Props) {
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows, {
    resourceIDResolver: (row) => row.orderGid,
  });
  const act = (handler: (gids: string[]) => void) => () => {
    handler(allResourcesSelected ? rows.map((row) => row.orderGid) : selectedResources);
    clearSelection();
  };
  const promoted = printed
    ? [{ content: "Mark as not printed", onAction: act(onUnprint) }]
    : [{ content: "Print selected", onAction: act(onPrint) }];
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: "order", plural: "orders" }}
        itemCount={rows.length}
        selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
        onSelectionChange={handleSelectionChange}
        promotedBulkActions={promoted}
        emptyState={<Box padding="400"><Text as="p">{printed ? "Nothing printed yet." : "No unfulfilled orders with inserts waiting to be printed."}</Text></Box>}
        headings={[{ title: "Order" }, { title: "Packing plan" }, { title: "Codes" }, { title: "Paper" }, { title: printed ? "Printed" : "Ready" }]}
      >
        {rows.map((row, index) => (
          <IndexTable.Row id={row.orderGid} key={row.orderGid} position={index} selected={selectedResources.includes(row.orderGid)}>
            <IndexTable.Cell><Link to={`/app/orders/${row.orderId}`}>{row.name}</Link></IndexTable.Cell>
            <IndexTable.Cell>
              {/* Index table cells do not wrap; a plan is a sentence, so this one does. */}
              <div style={{ whiteSpace: "normal", minWidth: "16rem", maxWidth: "26rem" }}><Text as="span">{row.plan}</Text></div>
            </IndexTable.Cell>
            <IndexTable.Cell><Codes codes={row.codes} /></IndexTable.Cell>
            <IndexTable.Cell>{row.papers.join(", ") || "—"}</IndexTable.Cell>
            <IndexTable.Cell>
              {printed ? formatDateTime(row.printedAt) : row.ready ? <Badge tone="success">ready</Badge> : <Badge tone="attention">code pending</Badge>}
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
