import { ActionResultBanner } from "~/components/common/ActionResultBanner";

export type RetryResult = { ok: boolean; jobId?: string; message: string };

/** The outcome of a merchant's "Retry" on a dead job. */
export function RetryResultBanner({ result }: { result: RetryResult | undefined }) {
  return <ActionResultBanner result={result} titles={{ ok: "Job queued again", failed: "Retry not possible" }} />;
}
