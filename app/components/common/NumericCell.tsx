import type { ReactNode } from "react";
import { IndexTable, Text } from "@shopify/polaris";

/** A table cell holding a number: right-aligned, in tabular figures, so a column of them lines up. */
export function NumericCell({ children }: { children: ReactNode }) {
  return (
    <IndexTable.Cell>
      <Text as="span" alignment="end" numeric>
        {children}
      </Text>
    </IndexTable.Cell>
  );
}
