import { Form } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { ColumnTable, type TableSpec } from "~/components/common/TableCard";
import type { OptionSkipReason } from "~/domain/promise/option-policy";
import type { CheckoutSurface } from "~/domain/promise/promise-config";
import type { CheckoutSurfaceState, OptionVerdict, ShippingOptionRows } from "~/services/promise/decide-option-rows.server";
import { formatDateTime } from "~/utils/format";
import { JobStatus } from "./JobStatus";

const SURFACES: Record<CheckoutSurface, string> = {
  title: "in the title (all plans)",
  option: "under the option (Plus)",
};

/** Why Kept stays silent for an option, in the words of the surface in charge. */
function skipReason(reason: OptionSkipReason | null, options: ShippingOptionRows): string {
  const datesUnknown = options.deliveryDatesEnabled === null;
  switch (reason) {
    case "local-or-pickup":
      return "local delivery or pickup keeps its own timing";
    case "shop-promise":
      return "Shop Promise: Shopify's dates stay";
    case "store-time-zone":
      return "the store's time zone in Shopify is not the warehouse's, so the title would count from the wrong day";
    case "shopify-delivery-date":
      if (options.surface?.active === "title") {
        return `Shopify's delivery dates are ${datesUnknown ? "not known yet (counted as on)" : "on"}: the title cannot see which options Shopify dates, so it dates none`;
      }
      return datesUnknown ? "Shopify may show its own delivery date (its setting is not known yet)" : "Shopify shows its own delivery date";
    case "no-lane":
      return "no lane for it";
    case "other-surface":
      return "another checkout surface dates it";
    default:
      return "";
  }
}

const RATE_KINDS: Record<string, string> = {
  merchant: "your rate",
  "carrier-shopify": "carrier-calculated (Shopify)",
  "carrier-app": "carrier-calculated (app)",
  pickup: "pickup",
};

function Verdict({ verdict, options }: { verdict: OptionVerdict; options: ShippingOptionRows }) {
  if (verdict.kind === "promise") {
    const where = options.surface ? `${SURFACES[options.surface.active]}, ` : "";
    return (
      <Text as="span">
        <Badge tone="success">Kept dates it</Badge> {verdict.countryName}: {where}lane {verdict.laneLabel} ({verdict.laneId})
      </Text>
    );
  }
  const narrower = verdict.narrowerLaneIds.length > 0 ? `; only parts of it have lanes (${verdict.narrowerLaneIds.join(", ")})` : "";
  return (
    <Text as="span">
      <Badge>Skipped</Badge> {verdict.countryName}: {skipReason(verdict.reason, options)}
      {narrower}
    </Text>
  );
}

/** The options table: each option, where it comes from, and Kept's verdict per destination country. */
function optionsTable(options: ShippingOptionRows): TableSpec<ShippingOptionRows["rows"][number]> {
  return {
    noun: "shipping option",
    rowId: (row) => row.key,
    columns: [
      {
        heading: "Option",
        cell: (row) => (
          <Text as="span" fontWeight="semibold">
            {row.name}
          </Text>
        ),
      },
      {
        heading: "Where it comes from",
        cell: (row) => (
          <>
            {row.source} · {RATE_KINDS[row.rateKind]}
          </>
        ),
      },
      {
        heading: "Kept's date",
        cell: (row) => (
          // Table cells do not wrap by default; the verdicts are sentences.
          <div style={{ whiteSpace: "normal" }}>
            <BlockStack gap="100">
              {row.verdicts.map((verdict) => (
                <Verdict key={verdict.country} verdict={verdict} options={options} />
              ))}
            </BlockStack>
          </div>
        ),
      },
    ],
  };
}

/** Which surface dates the options, and a warning when the title surface cannot date any. */
function SurfaceNote({ surface }: { surface: CheckoutSurfaceState }) {
  const why =
    surface.shopifyPlus === null
      ? "because Kept has not read the shop's plan yet"
      : !surface.shopifyPlus
        ? "because the store is not on Shopify Plus"
        : surface.setting === "auto"
          ? "because the store is on Shopify Plus"
          : "as chosen above";
  return (
    <BlockStack gap="200">
      <Text as="p">
        Kept's date shows{" "}
        <Text as="span" fontWeight="semibold">
          {SURFACES[surface.active]}
        </Text>{" "}
        {why}. The other place shows none, so no option gets two Kept dates.
      </Text>
      {surface.isTimeZoneBlocking ? (
        <Banner tone="warning" title="The title shows no dates: the store's clock is not the warehouse's">
          <p>
            The store's time zone in Shopify is {surface.shopifyTimeZone ?? "not known yet"}; the warehouse is in {surface.warehouseTimeZone}. The
            shipping-option title can only read the store's clock, so it could count from the wrong day and dates nothing. Use the same zone in both places.
          </p>
        </Banner>
      ) : null}
    </BlockStack>
  );
}

/** The shop's shipping options (last snapshot) and, for each, whether Kept promises a date: no double dates. */
export function ShippingOptionsCard({ options }: { options: ShippingOptionRows }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Shipping options at checkout
          </Text>
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
        {options.surface && options.fetchedAt ? <SurfaceNote surface={options.surface} /> : null}
        <JobStatus state={options.refresh} what="reading the shipping options from Shopify" succeeded="Read from Shopify" none="No refresh has run yet." />
        <List>
          <List.Item>
            With the settings above (unsaved edits included), per destination country. Region and postal lanes apply at checkout, with the shopper's address.
          </List.Item>
          <List.Item>
            Shop Promise is decided by Shopify per checkout and is visible only to approved partners: Kept's checkout steps aside when an option carries it.
          </List.Item>
          <List.Item>Local delivery is not in the Admin API; checkout never gets a Kept date for it.</List.Item>
          {options.surface?.active === "option" && options.deliveryDatesEnabled !== false && options.rows.some((row) => row.rateKind === "carrier-app") ? (
            <List.Item>
              A carrier app that sends its own delivery estimate for a rate gets Shopify's date at checkout; Kept then adds none under that rate.
            </List.Item>
          ) : null}
          {options.truncated ? <List.Item>The shop has more profiles, zones or rates than one refresh reads; the list is cut short.</List.Item> : null}
          {options.pickupError ? <List.Item>Pickup locations could not be read: {options.pickupError}</List.Item> : null}
        </List>
        <ColumnTable
          table={optionsTable(options)}
          rows={options.rows}
          emptyState={<Text as="p">{options.fetchedAt ? "Shopify lists no active shipping options." : "No snapshot yet: refresh from Shopify."}</Text>}
        />
      </BlockStack>
    </Card>
  );
}
