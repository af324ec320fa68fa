import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, DescriptionList, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { OrderFollowUpsCard } from "~/components/follow-ups/OrderFollowUpsCard";
import { OrderInsertsCard } from "~/components/inserts/OrderInsertsCard";
import { findOrderInserts } from "~/models/inserts/insert-order.server";
import { getOrder } from "~/models/orders/order.server";
import { parseDiscountCodes, parseOrderLines, splitStoredTags } from "~/schemas/orders/order-lines";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { loadOrderInserts } from "~/services/inserts/order-inserts.server";
import { loadOrderFollowUps } from "~/services/follow-ups/follow-up-log.server";
import { formatDateTime } from "~/utils/format";
import { shopifyGid } from "~/domain/shopify/gid";
import { describeOutcome, type OutcomeDescription } from "~/domain/outcomes/describe-outcome";
import { SectionCard } from "~/components/common/SectionCard";
import { SHIPMENT_COLUMNS } from "~/components/orders/shipment-columns";
import { TableCard, type TableSpec } from "~/components/common/TableCard";

const paramsSchema = z.object({ id: z.string().regex(/^\d{1,30}$/) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Order not found", { status: 404 });
  const orderGid = shopifyGid("Order", parsed.data.id);
  const [found, inserts, decision, followUps] = await Promise.all([
    getOrder(shop, orderGid),
    findOrderInserts(shop, orderGid),
    loadOrderInserts(shop, orderGid),
    loadOrderFollowUps(shop, orderGid),
  ]);
  if (!found) throw new Response("Order not found", { status: 404 });
  const { lines, discountCodes, ...order } = found.order;
  const { outcome, promise } = found;
  // The admin speaks English for now (issue 13 brings the merchant's language); dates as "Wed 18 Nov".
  const verdict = outcome ? describeOutcome({ ...outcome, shipBy: promise?.shipBy ?? null, rawLatest: promise?.rawLatest ?? null }, "en-GB") : null;
  return { ...found, inserts, decision, followUps, order, verdict, lines: parseOrderLines(lines), discountCodes: parseDiscountCodes(discountCodes) };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Summary({ order, discountCodes }: Pick<Data, "order" | "discountCodes">) {
  const destination = [order.shipCity, order.shipProvince, order.shipCountry].filter(Boolean).join(", ");
  const tags = splitStoredTags(order.tags);
  const items = [
    { term: "Created", description: formatDateTime(order.createdAtShopify) },
    { term: "Total", description: `${order.totalPrice} ${order.currency}` },
    { term: "Destination", description: destination || "—" },
    { term: "Shipping method", description: order.shippingMethod ?? "—" },
    { term: "Channel", description: order.sourceName ?? "—" },
    { term: "Tags", description: tags.length ? tags.join(", ") : "—" },
    { term: "Discount codes", description: discountCodes.length ? discountCodes.join(", ") : "—" },
    { term: "Financial status", description: order.financialStatus ?? "—" },
    { term: "Fulfillment status", description: order.fulfillmentStatus ?? "—" },
  ];
  if (order.cancelledAt) items.push({ term: "Cancelled", description: `${formatDateTime(order.cancelledAt)} (${order.cancelReason ?? "no reason"})` });
  return (
    <Card>
      <DescriptionList items={items} />
    </Card>
  );
}

/** The line items' table; prices are in the order's `currency`. */
function linesTable(currency: string): TableSpec<NonNullable<Data["lines"]>[number]> {
  return {
    noun: "line",
    rowId: (line) => line.lineGid,
    emptyText: "No line items.",
    columns: [
      {
        heading: "Product",
        cell: (line) => (
          <>
            {line.title}
            {line.variantTitle ? ` – ${line.variantTitle}` : ""}
          </>
        ),
      },
      { heading: "SKU", cell: (line) => line.sku ?? "—" },
      { heading: "Vendor", cell: (line) => line.vendor ?? "—" },
      { heading: "Quantity", numeric: true, cell: (line) => line.quantity },
      {
        heading: "Price",
        numeric: true,
        cell: (line) => (
          <>
            {line.price} {currency}
          </>
        ),
      },
    ],
  };
}

/** The stored line items; when they cannot be read, the card says so where the table would be. */
function Lines({ lines, currency }: { lines: Data["lines"]; currency: string }) {
  if (lines === null)
    return <TableCard title="Line items" table={linesTable(currency)} rows={[]} emptyText="The stored line items could not be read." emptyTone="critical" />;
  return <TableCard title="Line items" table={linesTable(currency)} rows={lines} />;
}

const FULFILLMENTS_TABLE: TableSpec<Data["fulfillments"][number]> = {
  noun: "fulfillment",
  rowId: (row) => row.fulfillmentGid,
  emptyText: "Not fulfilled yet.",
  columns: [{ heading: "Fulfillment", cell: (row) => row.name ?? row.fulfillmentGid }, ...SHIPMENT_COLUMNS],
};

function Fulfillments({ fulfillments }: Pick<Data, "fulfillments">) {
  return <TableCard title="Fulfillments" table={FULFILLMENTS_TABLE} rows={fulfillments} />;
}

function Timeline({ events }: Pick<Data, "events">) {
  return (
    <SectionCard title="Delivery events" gap="300">
      {events.length === 0 ? (
        <Text as="p" tone="subdued">
          No carrier scans yet.
        </Text>
      ) : (
        <BlockStack as="ol" gap="200">
          {events.map((event) => (
            <Box as="li" key={event.eventGid}>
              <Text as="p">
                <Text as="span" fontWeight="semibold">
                  {formatDateTime(event.happenedAt)}
                </Text>{" "}
                <Badge>{event.status}</Badge> {event.message ?? ""}
              </Text>
              <Text as="p" tone="subdued">
                {[event.city, event.country].filter(Boolean).join(", ") || "—"}
                {event.estimatedDeliveryAt ? ` · carrier estimate ${formatDateTime(event.estimatedDeliveryAt)}` : ""}
              </Text>
            </Box>
          ))}
        </BlockStack>
      )}
    </SectionCard>
  );
}

/** The insert decision: which rules applied and why, and where the facts they read came from. */
function InsertDecisionCard({ decision: inserts }: Pick<Data, "decision">) {
  return (
    <SectionCard title="Why these inserts" gap="300">
      {inserts === null ? (
        <Text as="p" tone="subdued">
          Not decided: the shop had no active insert rule when this order arrived.
        </Text>
      ) : (
        <>
          {inserts.noParcel ? (
            <Text as="p" tone="subdued">
              {inserts.noParcel}
            </Text>
          ) : null}
          {inserts.rules.length === 0 && !inserts.noParcel ? (
            <Text as="p" tone="subdued">
              No rule matched this order.
            </Text>
          ) : null}
          {inserts.rules.map((rule) => (
            <BlockStack gap="100" key={rule.id}>
              <Text as="p" fontWeight="semibold">
                {rule.name} (v{rule.version}){rule.holdout ? " · held out, gets nothing" : ""}
              </Text>
              {rule.reasons.length ? (
                <List>
                  {rule.reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              ) : null}
            </BlockStack>
          ))}
          {inserts.facts.length ? (
            <BlockStack gap="100">
              <Text as="h3" variant="headingSm">
                Facts the rules read
              </Text>
              {inserts.facts.map((fact) => (
                <Text as="p" tone="subdued" key={fact}>
                  {fact}
                </Text>
              ))}
            </BlockStack>
          ) : null}
          {inserts.warnings.map((warning) => (
            <Text as="p" tone="caution" key={warning}>
              {warning}
            </Text>
          ))}
          <Text as="p" variant="bodySm" tone="subdued">
            Decided {formatDateTime(inserts.decidedAt)}
          </Text>
        </>
      )}
    </SectionCard>
  );
}

/** Term above value: the one-third column is too narrow for DescriptionList's 25 % term column ("Promise|d date"). */
function StackedFacts({ items }: { items: { term: string; description: string }[] }) {
  return (
    <BlockStack gap="200">
      {items.map((item) => (
        <BlockStack key={item.term} gap="050">
          <Text as="p" variant="bodySm" tone="subdued">
            {item.term}
          </Text>
          <Text as="p">{item.description}</Text>
        </BlockStack>
      ))}
    </BlockStack>
  );
}

/** Which settings the promise used and whether shoppers could see it at checkout (docs/promise-engine.md). */
function checkoutFacts({ promise, versionPublishedAt }: Pick<Data, "promise" | "versionPublishedAt">) {
  if (!promise) return [];
  const version =
    promise.settingsVersion === null
      ? "none"
      : `v${promise.settingsVersion} (${versionPublishedAt ? `published to checkout ${formatDateTime(versionPublishedAt)} UTC` : "not published to checkout yet"})`;
  const shown =
    promise.shownAtCheckout === null
      ? "Unknown (recorded before Kept tracked it)"
      : promise.shownAtCheckout
        ? "Shown: these settings had reached checkout when the order was placed"
        : "Not shown: no settings version had reached checkout when the order was placed, so the shopper saw no Kept date; this is what the saved settings promise";
  return [
    { term: "Settings version", description: version },
    { term: "At checkout", description: shown },
  ];
}

/** Whether the promise was kept, in a sentence, with why it broke or what to do. */
function Verdict({ verdict }: { verdict: OutcomeDescription }) {
  return (
    <BlockStack gap="100">
      <InlineStack>
        <Badge tone={verdict.tone}>{verdict.label}</Badge>
      </InlineStack>
      <Text as="p" fontWeight="semibold">
        {verdict.headline}
      </Text>
      {verdict.details.map((detail) => (
        <Text as="p" tone="subdued" key={detail}>
          {detail}
        </Text>
      ))}
    </BlockStack>
  );
}

function PromiseCard({ promise, versionPublishedAt, verdict }: Pick<Data, "promise" | "versionPublishedAt" | "verdict">) {
  const facts = checkoutFacts({ promise, versionPublishedAt });
  return (
    <SectionCard title="Delivery promise">
      {verdict ? <Verdict verdict={verdict} /> : null}
      {promise?.status === "promised" ? (
        <StackedFacts
          items={[
            { term: "Promised date", description: promise.promisedDate ?? "—" },
            { term: "Ship by", description: promise.shipBy ?? "—" },
            { term: "Carrier range", description: `${promise.rawEarliest} – ${promise.rawLatest}` },
            { term: "Padding", description: `${promise.paddingDays} days` },
            { term: "Lane", description: `${promise.laneLabel} (${promise.laneKey})` },
            { term: "Computed", description: `${formatDateTime(promise.computedAt)} (settings v${promise.settingsVersion})` },
            ...facts,
          ]}
        />
      ) : promise ? (
        <BlockStack gap="200">
          {verdict ? null : (
            <Text as="p" tone="subdued">
              No promise was shown for this order ({promise.noPromiseReason}).
            </Text>
          )}
          <StackedFacts items={facts} />
        </BlockStack>
      ) : (
        <Text as="p" tone="subdued">
          No promise recorded.
        </Text>
      )}
    </SectionCard>
  );
}

export default function OrderPage() {
  const { order, lines, discountCodes, fulfillments, events, promise, versionPublishedAt, verdict, inserts, decision, followUps } =
    useLoaderData<typeof loader>();
  return (
    <Page title={`Order ${order.name}`} subtitle={order.orderGid} backAction={{ content: "Observed lanes", url: "/app/promise/lanes" }}>
      <Layout>
        <Layout.Section>
          <Summary order={order} discountCodes={discountCodes} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <PromiseCard promise={promise} versionPublishedAt={versionPublishedAt} verdict={verdict} />
            <OrderFollowUpsCard followUps={followUps} orderName={order.name} />
            <InsertDecisionCard decision={decision} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <Lines lines={lines} currency={order.currency} />
            <OrderInsertsCard evaluation={inserts.evaluation} assignments={inserts.assignments} jobs={inserts.jobs} />
            <Fulfillments fulfillments={fulfillments} />
            <Timeline events={events} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
