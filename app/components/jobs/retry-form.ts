import { z } from "zod";
import type { RetryResult } from "./RetryResultBanner";

/** The "Retry" form on a dead job: `intent=retry&jobId=…`. */
export const retryFormSchema = z.object({ intent: z.literal("retry"), jobId: z.string().min(1).max(64) });

export function describeRetry(jobId: string, retried: boolean): RetryResult {
  return retried
    ? { ok: true, jobId, message: `Job ${jobId} runs again with a fresh attempt budget.` }
    : { ok: false, jobId, message: `Job ${jobId} is not a dead job of this shop (it may have been retried already).` };
}
