import { TextField, type TextFieldProps } from "@shopify/polaris";
import { errorAt, type FieldError } from "~/utils/form-json";

/** Omit that keeps a union a union (TextFieldProps is one: onChange or readOnly, and so on). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Props = DistributiveOmit<TextFieldProps, "autoComplete" | "error"> & {
  /** Browsers' autofill is off unless a field asks for it: the admin's fields are settings, not addresses. */
  autoComplete?: string;
  /** The editor's field errors and this field's path in the document; the first path with a message wins. */
  errors?: readonly FieldError[];
  path?: string | readonly string[];
};

/**
 * A Polaris TextField in one of the admin's editors: it shows the message the server sent for its path in the
 * edited document, so a field and its error cannot drift apart.
 */
export function FormTextField({ errors, path, autoComplete = "off", ...field }: Props) {
  const paths = path === undefined ? [] : typeof path === "string" ? [path] : path;
  const error = paths.map((candidate) => errorAt(errors, candidate)).find((message) => message !== undefined);
  return <TextField {...(field as TextFieldProps)} autoComplete={autoComplete} error={error} />;
}
