import { Outlet, useLocation } from "@remix-run/react";
import { Box, Page, Tabs } from "@shopify/polaris";

const TABS = [
  { id: "follow-up-rules", content: "Rules", url: "/app/follow-ups" },
  { id: "follow-up-log", content: "Send log", url: "/app/follow-ups/log" },
  { id: "follow-up-shipments", content: "Shipments", url: "/app/follow-ups/shipments" },
  { id: "follow-up-settings", content: "Email settings", url: "/app/follow-ups/settings" },
];

/** "Follow-ups": the rules (index), the send log, the shipments they are timed from and the email settings, as tabs. */
export default function FollowUpsLayout() {
  const { pathname } = useLocation();
  const selected = Math.max(
    0,
    TABS.findIndex((tab) => tab.url !== "/app/follow-ups" && pathname.startsWith(tab.url)),
  );
  return (
    <Page
      title="Follow-ups"
      subtitle="Emails after the sale, timed from real shipping and arrival, and from whether the promise was kept."
      primaryAction={{ content: "New rule", url: "/app/follow-ups/rules/new" }}
    >
      <Tabs tabs={TABS} selected={selected} fitted />
      <Box paddingBlockStart="400">
        <Outlet />
      </Box>
    </Page>
  );
}
