import { useState, type FormEvent } from "react";
import { useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { CAUSE_FILTERS, CAUSE_FILTER_LABELS, OUTCOME_FILTERS, OUTCOME_FILTER_LABELS } from "~/domain/outcomes/outcome-filters";
import type { OrderListQuery } from "~/schemas/orders/order-list-query";

type Props = {
  query: OrderListQuery;
  lanes: { laneKey: string; label: string; orders: number }[];
  total: number;
  onChange: (changes: Record<string, string | undefined>) => void;
};

const FILTER_KEYS = ["q", "outcome", "lane", "cause", "dates", "from", "to"] as const;

/**
 * Downloads the CSV of the orders the filters select. Through fetch, not a link: inside the Shopify admin
 * App Bridge adds the session token to the app's own fetches, which a plain navigation would not carry.
 */
async function downloadCsv(search: string): Promise<string | null> {
  const response = await fetch(`/app/orders/export${search}`);
  if (!response.ok) return `The export failed (${response.status}). Try again; if it keeps failing, narrow the filters.`;
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "kept-orders.csv";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
  return null;
}

/** Search and filters of the Orders list, and the CSV export of what they select. */
export function OrderFilters({ query, lanes, total, onChange }: Props) {
  const [params] = useSearchParams();
  const [search, setSearch] = useState(query.q ?? "");
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: search.trim() || undefined });
  };
  const clearAll = () => {
    setSearch("");
    onChange(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
  };
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    const filters = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) filters.set(key, value);
    }
    try {
      setExportError(await downloadCsv(filters.size ? `?${filters}` : ""));
    } catch {
      setExportError("The export could not reach Kept. Check your connection and try again.");
    } finally {
      setExporting(false);
    }
  };
  const anyFilter = FILTER_KEYS.some((key) => key !== "dates" && params.get(key));
  return (
    <Card>
      <BlockStack gap="300">
        <form onSubmit={submitSearch} role="search">
          <InlineStack gap="200" blockAlign="end" wrap={false}>
            <div style={{ flexGrow: 1 }}>
              <TextField
                label="Search"
                value={search}
                onChange={setSearch}
                placeholder="Order number, customer name or email"
                autoComplete="off"
                clearButton
                onClearButtonClick={() => {
                  setSearch("");
                  onChange({ q: undefined });
                }}
              />
            </div>
            <Button submit>Search</Button>
          </InlineStack>
        </form>
        <InlineGrid columns={{ xs: 1, sm: 2, md: 3, lg: 6 }} gap="300">
          <Select
            label="Promise"
            value={query.outcome ?? ""}
            onChange={(outcome) => onChange({ outcome })}
            options={[{ label: "Any", value: "" }, ...OUTCOME_FILTERS.map((value) => ({ label: OUTCOME_FILTER_LABELS[value], value }))]}
          />
          <Select
            label="Late because"
            value={query.cause ?? ""}
            onChange={(cause) => onChange({ cause })}
            options={[{ label: "Any cause", value: "" }, ...CAUSE_FILTERS.map((value) => ({ label: CAUSE_FILTER_LABELS[value], value }))]}
          />
          <Select
            label="Lane"
            value={query.lane ?? ""}
            onChange={(lane) => onChange({ lane })}
            options={[{ label: "All lanes", value: "" }, ...lanes.map((lane) => ({ label: `${lane.label} (${lane.orders})`, value: lane.laneKey }))]}
          />
          <Select
            label="Dates are"
            value={query.dates}
            onChange={(dates) => onChange({ dates: dates === "ordered" ? undefined : dates })}
            options={[
              { label: "Day placed", value: "ordered" },
              { label: "Promised date", value: "promised" },
            ]}
          />
          <TextField label="From" type="date" value={query.from ?? ""} onChange={(from) => onChange({ from })} autoComplete="off" />
          <TextField label="To" type="date" value={query.to ?? ""} onChange={(to) => onChange({ to })} autoComplete="off" />
        </InlineGrid>
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="p" tone="subdued">
            {`${total} ${total === 1 ? "order matches" : "orders match"}.`}
          </Text>
          <InlineStack gap="200">
            {anyFilter ? <Button onClick={clearAll}>Clear filters</Button> : null}
            <Button onClick={exportCsv} loading={exporting} disabled={total === 0}>
              Export CSV
            </Button>
          </InlineStack>
        </InlineStack>
        {exportError ? (
          <Banner tone="critical" onDismiss={() => setExportError(null)}>
            <p>{exportError}</p>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
