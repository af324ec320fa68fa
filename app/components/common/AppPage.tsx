import type { ComponentProps, ReactNode } from "react";
import { BlockStack, Layout, Page } from "@shopify/polaris";

/** An admin page of one column: Polaris's Page with its title and actions, its sections stacked below. */
export function AppPage({ children, ...page }: Omit<ComponentProps<typeof Page>, "children"> & { children: ReactNode }) {
  return (
    <Page {...page}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">{children}</BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
