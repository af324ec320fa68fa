import { useEffect, useRef, useState } from "react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import type { SettingsPreview } from "~/services/promise/preview-promise-settings.server";
import type { FieldError } from "~/utils/form-json";
import type { Draft } from "./draft";
import type { PreviewQuestion } from "./PreviewCard";

export const PREVIEW_ACTION = "/app/promise/preview";

/**
 * Asks the server for the preview of the draft as it is typed (300 ms after the last change): the
 * engine is pure, but holidays come from date-holidays, which runs on the server only. `refreshKey`
 * changes when a new shipping-options snapshot arrived, so the option verdicts are asked for again.
 */
export function useLivePreview(draft: Draft, question: PreviewQuestion, initial: SettingsPreview, refreshKey: string) {
  const fetcher = useFetcher<SettingsPreview>();
  const isFirstRun = useRef(true);
  useEffect(() => {
    if (isFirstRun.current) {
      isFirstRun.current = false;
      return;
    }
    const timer = setTimeout(() => fetcher.submit({ document: JSON.stringify(draft), ...question }, { method: "post", action: PREVIEW_ACTION }), 300);
    return () => clearTimeout(timer);
    // fetcher.submit is not a dependency: a new fetcher object every render must not resubmit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, question, refreshKey]);
  return { preview: fetcher.data ?? initial, isBusy: fetcher.state !== "idle" };
}

/** The field errors to show: from whichever answer (live preview or save) came last. */
export function useLatestErrors(preview: SettingsPreview, saveErrors: FieldError[] | undefined): FieldError[] {
  const [errors, setErrors] = useState<FieldError[]>(preview.ok ? [] : preview.errors);
  useEffect(() => setErrors(preview.ok ? [] : preview.errors), [preview]);
  useEffect(() => {
    if (saveErrors) setErrors(saveErrors);
  }, [saveErrors]);
  return errors;
}

/** Reloads the page data every `ms` while a job the merchant waits for (sync, refresh) is still open. */
export function usePollWhile(isWaiting: boolean, ms = 2000) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!isWaiting) return;
    const timer = setInterval(() => {
      if (latest.current.state === "idle") latest.current.revalidate();
    }, ms);
    return () => clearInterval(timer);
  }, [isWaiting, ms]);
}
