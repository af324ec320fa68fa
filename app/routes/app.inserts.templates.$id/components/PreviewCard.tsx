import { Banner, BlockStack, DescriptionList, InlineStack, Select, Text } from "@shopify/polaris";
import type { InsertTemplateData, RenderInsertResult } from "~/domain/templates/render-insert";
import { SectionCard } from "~/components/common/SectionCard";

export type PreviewResult = { preview: RenderInsertResult | null; data: InsertTemplateData | null };
type Props = {
  result: PreviewResult | undefined;
  orders: { orderGid: string; name: string; createdAt: string; locale: string | null }[];
  locales: string[];
  orderGid: string;
  locale: string;
  paper: string;
  onOrder: (orderGid: string) => void;
  onLocale: (locale: string) => void;
};

/** Paper sizes as shown on screen (millimetres, portrait). */
const PAPER_MM: Record<string, [number, number]> = { A6: [105, 148], A5: [148, 210], Letter: [216, 279], "4x6": [102, 152] };

const VARIABLES: [string, string][] = [
  ["customer.first_name", "The customer's first name; may be empty (guests, real orders in this preview)"],
  ["order.name", 'The order number, e.g. "#1001"'],
  ["shop.name", "Your shop's name"],
  ["code", "The personal discount code, when the rule gives one"],
  ["code_expires_on", "The code's last day, written for the customer's language"],
];

function frame(html: string, paper: string): string {
  const [width, height] = PAPER_MM[paper] ?? PAPER_MM.A6;
  return `<!doctype html><html><head><meta charset="utf-8"><style>html{background:#f1f1f1}body{box-sizing:border-box;width:${width}mm;min-height:${height}mm;margin:4mm auto;padding:8mm;background:#fff;font-family:Georgia,serif;box-shadow:0 1px 4px rgba(0,0,0,.2)}</style></head><body>${html}</body></html>`;
}

/** The template rendered by the sandbox against a sample or a recent real order, in a script-less frame. */
export function PreviewCard({ result, orders, locales, orderGid, locale, paper, onOrder, onLocale }: Props) {
  const value = (name: string) => {
    const [head, tail] = name.split(".");
    const entry = result?.data?.[head];
    const found = tail && entry && typeof entry === "object" ? (entry as Record<string, unknown>)[tail] : entry;
    return found === null || found === undefined || found === "" ? "(empty)" : String(found);
  };
  return (
    <SectionCard title="Preview" gap="300">
      <InlineStack gap="200">
        <Select
          label="Render against"
          value={orderGid}
          onChange={onOrder}
          options={[
            { value: "", label: "Sample order (Anna, #1001)" },
            ...orders.map((order) => ({
              value: order.orderGid,
              label: `${order.name} · ${order.locale ?? "no language"} · ${order.createdAt.slice(0, 10)}`,
            })),
          ]}
        />
        <Select
          label="Language"
          value={locale}
          onChange={onLocale}
          options={[{ value: "", label: orderGid ? "The customer's" : "The fallback" }, ...locales.map((each) => ({ value: each, label: each }))]}
        />
      </InlineStack>
      {result?.preview?.ok === false ? (
        <Banner tone="critical" title="This template cannot be printed">
          <p>{result.preview.error}</p>
        </Banner>
      ) : null}
      {result?.preview?.ok ? (
        <BlockStack gap="100">
          <Text as="p" tone="subdued">{`Rendered in "${result.preview.localeUsed}" on ${paper}. The personal code is a sample.`}</Text>
          <iframe title="Insert preview" sandbox="" srcDoc={frame(result.preview.html, paper)} style={{ width: "100%", height: 480, border: 0 }} />
        </BlockStack>
      ) : null}
      <Text as="h3" variant="headingSm">
        Variables you can use
      </Text>
      <DescriptionList
        items={VARIABLES.map(([name, meaning]) => ({ term: <code>{`{{ ${name} }}`}</code>, description: `${meaning}. In this preview: ${value(name)}` }))}
      />
    </SectionCard>
  );
}
