import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Box, InlineStack, Text } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { getEnv } from "~/utils/env.server";

export const links = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: polarisVizStyles },
];

export const NAV_ITEMS = [
  { to: "/app", label: "Dashboard" },
  { to: "/app/orders", label: "Orders" },
  { to: "/app/promise", label: "Delivery promise" },
  { to: "/app/inserts", label: "Inserts" },
  { to: "/app/print-queue", label: "Print queue" },
  { to: "/app/follow-ups", label: "Follow-ups" },
  { to: "/app/webhooks", label: "Webhook log" },
  { to: "/app/settings", label: "Settings" },
];

/** Only in demo mode (KEPT_DEMO=1): the emails the demo's mail catcher caught. */
const DEMO_NAV_ITEMS = [{ to: "/app/demo-mailbox", label: "Demo mailbox" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, embedded } = await requireAdmin(request);
  const env = getEnv();
  return { apiKey: env.SHOPIFY_API_KEY, shop, embedded, navItems: env.KEPT_DEMO === "1" ? [...NAV_ITEMS, ...DEMO_NAV_ITEMS] : NAV_ITEMS };
}

/** Outside the Shopify admin (demo mode) App Bridge's sidebar is absent, so the app draws its own. */
function LocalNavigation({ shop, navItems }: { shop: string; navItems: typeof NAV_ITEMS }) {
  const { pathname } = useLocation();
  return (
    <Box background="bg-surface" padding="300" borderBlockEndWidth="025" borderColor="border">
      <InlineStack gap="400" blockAlign="center">
        <Text as="span" variant="headingMd">
          Kept
        </Text>
        <nav aria-label="Kept">
          <InlineStack gap="300">
            {navItems.map((item) => {
              const current = item.to === "/app" ? pathname === "/app" : pathname.startsWith(item.to);
              return (
                <Link key={item.to} to={item.to} aria-current={current ? "page" : undefined} style={{ fontWeight: current ? 650 : 450 }}>
                  {item.label}
                </Link>
              );
            })}
          </InlineStack>
        </nav>
        <Text as="span" tone="subdued">
          {shop} (demo, local session)
        </Text>
      </InlineStack>
    </Box>
  );
}

export default function App() {
  const { apiKey, shop, embedded, navItems } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={apiKey}>
      {embedded ? (
        <NavMenu>
          {navItems.map((item) => (
            <Link key={item.to} to={item.to} rel={item.to === "/app" ? "home" : undefined}>
              {item.label}
            </Link>
          ))}
        </NavMenu>
      ) : (
        <LocalNavigation shop={shop} navItems={navItems} />
      )}
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
