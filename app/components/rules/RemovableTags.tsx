import { InlineStack, Tag } from "@shopify/polaris";

/** Chosen values as tags with a remove button each; nothing when the list is empty. */
export function RemovableTags({
  values,
  onChange,
  display = (value) => value,
}: {
  values: string[];
  onChange: (values: string[]) => void;
  display?: (value: string) => string;
}) {
  if (values.length === 0) return null;
  return (
    <InlineStack gap="100">
      {values.map((value) => (
        <Tag key={value} onRemove={() => onChange(values.filter((other) => other !== value))}>
          {display(value)}
        </Tag>
      ))}
    </InlineStack>
  );
}
