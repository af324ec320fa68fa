import { Banner } from "@shopify/polaris";

export type RetryResult = { ok: boolean; jobId?: string; message: string };

/** The outcome of a merchant's "Retry" on a dead job. */
export function RetryResultBanner({ result }: { result: RetryResult | undefined }) {
  if (!result) return null;
  return (
    <Banner tone={result.ok ? "success" : "critical"} title={result.ok ? "Job queued again" : "Retry not possible"}>
      <p>{result.message}</p>
    </Banner>
  );
}
