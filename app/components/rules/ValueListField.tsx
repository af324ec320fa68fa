import { BlockStack, Button, InlineError, TextField } from "@shopify/polaris";
import { useState, type KeyboardEvent } from "react";
import { RemovableTags } from "./RemovableTags";

type Props = {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Shown for a value (e.g. a product title for a GID). */
  display?: (value: string) => string;
  placeholder?: string;
  helpText?: string;
  error?: string;
};

/** A list of values as removable tags, added one by one (Enter or "Add"); commas add several at once. */
export function ValueListField({ label, values, onChange, display = (value) => value, placeholder, helpText, error }: Props) {
  const [text, setText] = useState("");
  const add = () => {
    const added = text
      .split(",")
      .map((value) => value.trim())
      .filter((value) => value !== "" && !values.includes(value));
    if (added.length > 0) onChange([...values, ...added]);
    setText("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  };
  return (
    <BlockStack gap="100">
      <div onKeyDown={onKeyDown}>
        <TextField
          label={label}
          value={text}
          onChange={setText}
          autoComplete="off"
          placeholder={placeholder}
          helpText={helpText}
          connectedRight={
            <Button onClick={add} accessibilityLabel={`Add to ${label}`}>
              Add
            </Button>
          }
        />
      </div>
      <RemovableTags values={values} onChange={onChange} display={display} />
      {error ? <InlineError message={error} fieldID={label} /> : null}
    </BlockStack>
  );
}
