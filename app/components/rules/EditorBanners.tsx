import { Banner } from "@shopify/polaris";

type Props = {
  /** The version just saved, shown while the editor holds it unchanged; `savedNote` adds a line under it. */
  saved: { version: number; note?: string | null } | null;
  /** The server's refusals that belong to no field. */
  formErrors: string[];
  /** The problems the editor marks on its fields, counted once the merchant has tried to save. */
  fieldProblems: number;
  /** Why an archived rule does nothing, or null for a live one. */
  archivedText: string | null;
};

/** The banners at the top of a rule editor (inserts and follow-ups): saved, not saved and why, archived. */
export function EditorBanners({ saved, formErrors, fieldProblems, archivedText }: Props) {
  return (
    <>
      {saved ? (
        <Banner tone="success" title={`Saved as version ${saved.version}.`}>
          {saved.note ? <p>{saved.note}</p> : null}
        </Banner>
      ) : null}
      {formErrors.map((message) => (
        <Banner key={message} tone="critical" title="Not saved">
          <p>{message}</p>
        </Banner>
      ))}
      {fieldProblems > 0 ? (
        <Banner tone="critical" title="Not saved">
          <p>{`Fix the ${fieldProblems} problem${fieldProblems === 1 ? "" : "s"} marked below, then save again.`}</p>
        </Banner>
      ) : null}
      {archivedText ? (
        <Banner tone="warning">
          <p>{archivedText}</p>
        </Banner>
      ) : null}
    </>
  );
}
