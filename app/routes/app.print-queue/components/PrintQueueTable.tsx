import { Badge, BlockStack, Box, Card, IndexTable, InlineStack, Text, useIndexResourceState } from "@shopify/polaris";
import type { QueueRow } from "~/services/inserts/print-queue.server";
import { formatDateTime } from "~/utils/format";
import { OrderLink } from "~/components/orders/OrderLink";

type Row = QueueRow;

const CODE_TONE = { created: "success", failed: "critical", pending: "attention" } as const;

function Codes({ codes }: { codes: Row["codes"] }) {
  if (codes.length === 0)
    return (
      <Text as="span" tone="subdued">
        —
      </Text>
    );
  return (
    <BlockStack gap="100">
      {codes.map((code, index) => (
        <InlineStack key={`${index}:${code.code}`} gap="200" blockAlign="center">
          <Text as="span" fontWeight="medium">
            {code.code}
          </Text>
          <Badge tone={CODE_TONE[code.status as keyof typeof CODE_TONE]}>{code.status}</Badge>
          {code.error ? (
            <Text as="span" tone="critical">
              {code.error}
            </Text>
          ) : null}
        </InlineStack>
      ))}
    </BlockStack>
  );
}

/** What printing the order now does: every insert, some of them (the rest wait for a code), or none yet. */
function Readiness({ cards }: { cards: Row["cards"] }) {
  const waiting = cards["waiting-for-code"];
  const total = cards.ready + waiting + cards.printed;
  const printed =
    cards.printed > 0 ? (
      <Text as="span" tone="subdued">
        {cards.printed} of {total} printed
      </Text>
    ) : null;
  if (cards.ready === 0 && waiting === 0)
    return (
      <Text as="span" tone="subdued">
        nothing to print
      </Text>
    );
  return (
    <BlockStack gap="100">
      <InlineStack gap="100">
        {cards.ready > 0 ? <Badge tone="success">{`${cards.ready} ready`}</Badge> : null}
        {waiting > 0 ? <Badge tone="attention">{`${waiting} code pending`}</Badge> : null}
      </InlineStack>
      {printed}
    </BlockStack>
  );
}

type Paging = { page: number; pages: number; total: number; onPage: (page: number) => void };
type Props = {
  rows: Row[];
  printed: boolean;
  paging: Paging;
  onPrint: (orderGids: string[]) => void;
  onMarkPrinted: (orderGids: string[]) => void;
  onUnprint: (orderGids: string[]) => void;
};

/** The queue with selection: print a batch or mark it printed, or (on the printed tab) put orders back. */
export function PrintQueueTable({ rows, printed, paging, onPrint, onMarkPrinted, onUnprint }: Props) {
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows, {
    resourceIDResolver: (row) => row.orderGid,
  });
  const act = (handler: (gids: string[]) => void) => () => {
    handler(allResourcesSelected ? rows.map((row) => row.orderGid) : selectedResources);
    clearSelection();
  };
  const promoted = printed
    ? [{ content: "Mark as not printed", onAction: act(onUnprint) }]
    : [
        { content: "Print selected", onAction: act(onPrint) },
        { content: "Mark printed", onAction: act(onMarkPrinted) },
      ];
  const turn = (to: number) => {
    clearSelection();
    paging.onPage(to);
  };
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: "order", plural: "orders" }}
        itemCount={rows.length}
        selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
        onSelectionChange={handleSelectionChange}
        promotedBulkActions={promoted}
        emptyState={
          <Box padding="400">
            <Text as="p">{printed ? "Nothing printed yet." : "No unfulfilled orders with inserts waiting to be printed."}</Text>
          </Box>
        }
        headings={[{ title: "Order" }, { title: "Packing plan" }, { title: "Codes" }, { title: "Paper" }, { title: printed ? "Printed" : "Inserts" }]}
        pagination={{
          hasPrevious: paging.page > 1,
          hasNext: paging.page < paging.pages,
          onPrevious: () => turn(paging.page - 1),
          onNext: () => turn(paging.page + 1),
          label: `Page ${paging.page} of ${paging.pages} · ${paging.total} ${paging.total === 1 ? "order" : "orders"}`,
        }}
      >
        {rows.map((row, index) => (
          <IndexTable.Row id={row.orderGid} key={row.orderGid} position={index} selected={selectedResources.includes(row.orderGid)}>
            <IndexTable.Cell>
              <OrderLink order={{ legacyId: row.orderId, name: row.name }} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              {/* Index table cells do not wrap; a plan is a sentence, so this one does. */}
              <div style={{ whiteSpace: "normal", minWidth: "16rem", maxWidth: "26rem" }}>
                <Text as="span">{row.plan}</Text>
              </div>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Codes codes={row.codes} />
            </IndexTable.Cell>
            <IndexTable.Cell>{row.papers.join(", ") || "—"}</IndexTable.Cell>
            <IndexTable.Cell>{printed ? formatDateTime(row.printedAt) : <Readiness cards={row.cards} />}</IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
