import { Banner } from "@shopify/polaris";

/** What a form's action answers: whether it worked, and a sentence for the merchant. */
export type ActionResult = { ok: boolean; message: string };

/** The outcome of the last form submission, green or red, with an optional title for each; nothing before one. */
export function ActionResultBanner({ result, titles }: { result: ActionResult | undefined | null; titles?: { ok: string; failed: string } }) {
  if (!result) return null;
  return (
    <Banner tone={result.ok ? "success" : "critical"} title={titles ? (result.ok ? titles.ok : titles.failed) : undefined}>
      <p>{result.message}</p>
    </Banner>
  );
}
