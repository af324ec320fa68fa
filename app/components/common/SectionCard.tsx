import type { ReactNode } from "react";
import { BlockStack, Card, Text } from "@shopify/polaris";

type Props = {
  title: ReactNode;
  /** Space between the title and each part of the card (Polaris space token). */
  gap?: "100" | "200" | "300" | "400" | "500";
  children: ReactNode;
};

/** A titled card: the admin's pattern for one section of a page (a heading, then its parts, stacked). */
export function SectionCard({ title, gap = "200", children }: Props) {
  return (
    <Card>
      <BlockStack gap={gap}>
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}
