import { Outlet, useLocation } from "@remix-run/react";
import { Box, Page, Tabs } from "@shopify/polaris";

const TABS = [
  { id: "promise-settings", content: "Settings", url: "/app/promise" },
  { id: "promise-tuning", content: "Padding tuner", url: "/app/promise/tuning" },
  { id: "promise-lanes", content: "Observed lanes", url: "/app/promise/lanes" },
];

/** "Delivery promise": the settings editor (index), the padding tuner and the observed lanes, as tabs of one page. */
export default function DeliveryPromiseLayout() {
  const { pathname } = useLocation();
  const selected = Math.max(
    0,
    TABS.findIndex((tab) => tab.url !== "/app/promise" && pathname.startsWith(tab.url)),
  );
  return (
    <Page title="Delivery promise" subtitle="The date shoppers are promised: the real estimate plus a small padding, kept.">
      <Tabs tabs={TABS} selected={selected} fitted />
      <Box paddingBlockStart="400">
        <Outlet />
      </Box>
    </Page>
  );
}
