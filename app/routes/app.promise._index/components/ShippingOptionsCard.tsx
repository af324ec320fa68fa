import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, IndexTable, InlineStack, List, Text } from "@shopify/polaris";
import type { OptionVerdict, ShippingOptionRows } from "~/services/decide-option-rows.server";
import { formatDateTime } from "~/utils/format";
import { JobStatus } from "./JobStatus";

const SKIP_REASONS: Record<string, string> = {
  "local-or-pickup": "local delivery or pickup keeps its own timing",
  "shop-promise": "Shop Promise: Shopify's dates stay",
  "shopify-delivery-date": "Shopify shows its own delivery date",
  "no-lane": "no lane for it",
};

const RATE_KINDS: Record<string, string> = {
  merchant: "your rate",
  "carrier-shopify": "carrier-calculated (Shopify)",
  "carrier-app": "carrier-calculated (app)",
  pickup: "pickup",
};

function Verdict({ verdict }: { verdict: OptionVerdict }) {
  if (verdict.kind === "promise") {
    return <Text as="span"><Badge tone="success">Kept dates it</Badge> {verdict.countryName}: lane {verdict.laneLabel} ({verdict.laneId})</Text>;
  }
  const narrower = verdict.narrowerLaneIds.length > 0 ? `; only parts of it have lanes (${verdict.narrowerLaneIds.join(", ")})` : "";
  return <Text as="span"><Badge>Skipped</Badge> {verdict.countryName}: {SKIP_REASONS[verdict.reason ?? ""] ?? verdict.reason}{narrower}</Text>;
}

/** The shop's shipping options (last snapshot) and, for each, whether Kept promises a date: no double dates. */
export function ShippingOptionsCard({ options }: { options: ShippingOptionRows }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">Shipping options at checkout</Text>
          <Form method="post">
            <input type="hidden" name="intent" value="refresh-options" />
            <Button submit>Refresh from Shopify</Button>
          </Form>
        </InlineStack>
        <Text as="p">
          {options.fetchedAt ? `Last read from Shopify ${formatDateTime(options.fetchedAt)} (UTC).` : "Not read from Shopify yet."}{" "}
          {options.deliveryDatesEnabled === null ? "" : `Shopify's delivery dates are ${options.deliveryDatesEnabled ? "on" : "off"}`}
          {options.processingTime ? ` (Shopify's processing time ${options.processingTime}).` : options.deliveryDatesEnabled === null ? "" : "."}
        </Text>
        <JobStatus state={options.refresh} what="reading the shipping options from Shopify" succeeded="Read from Shopify" none="No refresh has run yet." />
        <List>
          <List.Item>With the settings above (unsaved edits included), per destination country. Region and postal lanes apply at checkout, with the shopper's address.</List.Item>
          <List.Item>Shop Promise is decided by Shopify per checkout and is visible only to approved partners: Kept's checkout steps aside when an option carries it.</List.Item>
          <List.Item>Local delivery is not in the Admin API; checkout never gets a Kept date for it.</List.Item>
          {options.truncated ? <List.Item>The shop has more profiles, zones or rates than one refresh reads; the list is cut short.</List.Item> : null}
          {options.pickupError ? <List.Item>Pickup locations could not be read: {options.pickupError}</List.Item> : null}
        </List>
        <IndexTable
          resourceName={{ singular: "shipping option", plural: "shipping options" }}
          itemCount={options.rows.length}
          selectable={false}
          emptyState={<Text as="p">{options.fetchedAt ? "Shopify lists no active shipping options." : "No snapshot yet: refresh from Shopify."}</Text>}
          headings={[{ title: "Option" }, { title: "Where it comes from" }, { title: "Kept's date" }]}
        >
          {options.rows.map((row, index) => (
            <IndexTable.Row id={row.key} key={row.key} position={index}>
              <IndexTable.Cell><Text as="span" fontWeight="semibold">{row.name}</Text></IndexTable.Cell>
              <IndexTable.Cell>{row.source} · {RATE_KINDS[row.rateKind]}</IndexTable.Cell>
              <IndexTable.Cell>
                {/* Table cells do not wrap by default; the verdicts are sentences. */}
                <div style={{ whiteSpace: "normal" }}>
                  <BlockStack gap="100">
                    {row.verdicts.map((verdict) => <Verdict key={verdict.country} verdict={verdict} />)}
                  </BlockStack>
                </div>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </BlockStack>
    </Card>
  );
}
