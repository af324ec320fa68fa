import { Banner, List } from "@shopify/polaris";
import { RetryResultBanner } from "~/components/jobs/RetryResultBanner";
import type { FieldError } from "~/utils/form-json";

type Result =
  | { intent: "save"; ok: true; version: number }
  | { intent: "save" | "invalid"; ok: false; errors: FieldError[] }
  | { intent: "retry"; ok: boolean; jobId?: string; message: string }
  | { intent: "refresh-options"; ok: true; jobId: string };

type Props = { result: Result | undefined; isFirstDraft: boolean; isDraftFromShop: boolean; errors: FieldError[] };

/** What the last action did, and what is true about the page (a first draft is not saved yet). */
export function ActionBanners({ result, isFirstDraft, isDraftFromShop, errors }: Props) {
  return (
    <>
      <Banner tone="info">
        <p>
          Saving publishes the settings to the shop metafield $app:promise/config and keeps Kept's delivery customization up to date; Kept publishes them again
          every day so the holidays checkout knows about never run out. At checkout each shipping option gets Kept's date in one place only: under the option on
          Shopify Plus, in its title on other plans (see "Where shoppers see the date"), except where Shopify shows a date of its own. The thank-you and
          order-status pages show the order's recorded promise. Every new order's promise is recorded with the version checkout had when it was placed (open an
          order to see it and why).
        </p>
      </Banner>
      {isFirstDraft && result?.intent !== "save" ? (
        <Banner tone="warning" title="No delivery-promise settings saved yet">
          <p>
            {isDraftFromShop
              ? "Below is a first draft in your shop's time zone and country, as Shopify last reported them."
              : "Below is a first draft with UTC and the United States as placeholders: Kept has not read your shop from Shopify yet. Set your time zone and holiday country first."}{" "}
            Nothing is promised to shoppers until you save it.
          </p>
        </Banner>
      ) : null}
      {result?.intent === "save" && result.ok ? (
        <Banner tone="success" title={`Saved as version ${result.version}`}>
          <p>
            Publishing it to the shop metafield for checkout runs in the background; its state is under Versions and sync. Orders placed once it is published
            are recorded with it.
          </p>
        </Banner>
      ) : null}
      {errors.length > 0 ? (
        <Banner tone="critical" title={result?.intent === "save" ? "Not saved: some fields need attention" : "Some fields need attention"}>
          <List>
            {errors.map((error) => (
              <List.Item key={`${error.path}:${error.message}`}>
                {error.path || "document"}: {error.message}
              </List.Item>
            ))}
          </List>
        </Banner>
      ) : null}
      {result?.intent === "retry" ? <RetryResultBanner result={result} /> : null}
      {result?.intent === "refresh-options" ? (
        <Banner tone="info" title="Refresh queued">
          <p>Kept reads the shipping options from Shopify in the background; the list below updates when it is done.</p>
        </Banner>
      ) : null}
    </>
  );
}
