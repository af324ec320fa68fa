import { createContext, useContext, type ReactNode } from "react";
import { TextField, type TextFieldProps } from "@shopify/polaris";
import { errorAt, type FieldError } from "~/utils/form-json";

const FieldErrorsContext = createContext<readonly FieldError[]>([]);

/** The server's field errors for the document an editor edits; every FormTextField inside shows the one for its path. */
export function FieldErrorsProvider({ errors, children }: { errors: readonly FieldError[]; children: ReactNode }) {
  return <FieldErrorsContext.Provider value={errors}>{children}</FieldErrorsContext.Provider>;
}

/** Omit that keeps a union a union (TextFieldProps is one: onChange or readOnly, and so on). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Props = DistributiveOmit<TextFieldProps, "autoComplete" | "error"> & {
  /** Browsers' autofill is off unless a field asks for it: the admin's fields are settings, not addresses. */
  autoComplete?: string;
  /** This field's path in the edited document (errors come from the FieldErrorsProvider); the first path with a message wins. */
  path?: string | readonly string[];
};

/**
 * A Polaris TextField in one of the admin's editors: it shows the message the server sent for its path in the
 * edited document, so a field and its error cannot drift apart.
 */
export function FormTextField({ path, autoComplete = "off", ...field }: Props) {
  const errors = useContext(FieldErrorsContext);
  const paths = path === undefined ? [] : typeof path === "string" ? [path] : path;
  const error = paths.map((candidate) => errorAt(errors, candidate)).find((message) => message !== undefined);
  return <TextField {...(field as TextFieldProps)} autoComplete={autoComplete} error={error} />;
}

/**
 * What a number field holds: the number, or, when the text is not a number, the text itself, so the server's
 * schema names the problem and nothing the merchant typed is lost.
 */
export function parseNumberInput(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

type NumberProps = DistributiveOmit<Props, "type" | "value" | "onChange" | "min" | "max"> & {
  value: number | string | null | undefined;
  /** The number typed; text that is not a number is passed on as typed (typed as a number: the schema rejects it). */
  onChange: (value: number) => void;
  /** The least and, if given, the greatest value the field offers. */
  range?: readonly [min: number, max?: number];
};

/** A FormTextField for a whole number of something: shows the value as text and hands back the number typed. */
export function NumberField({ value, onChange, range, ...field }: NumberProps) {
  const [min, max] = range ?? [];
  return (
    <FormTextField
      {...field}
      type="number"
      min={min}
      max={max}
      value={value === null || value === undefined ? "" : String(value)}
      onChange={(text) => onChange(parseNumberInput(text) as number)}
    />
  );
}
