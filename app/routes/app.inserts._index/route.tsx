import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { applyRulesListAction, loadInsertsOverview } from "~/services/inserts/inserts-overview.server";
import { RecentOrdersCard } from "./RecentOrdersCard";
import { RulesTable } from "./RulesTable";
import { TemplatesCard } from "./TemplatesCard";
import { rulesListActionSchema } from "./validator";
import { SectionCard } from "~/components/common/SectionCard";
import { ActionResultBanner } from "~/components/common/ActionResultBanner";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return loadInsertsOverview(shop, new Date());
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = rulesListActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false, message: "That request was not understood. Reload the page and try again." }, { status: 400 });
  const result = await applyRulesListAction(shop, form.data);
  return data(result, { status: result.ok ? 200 : 409 });
}

export default function Inserts() {
  const { rules, templates, settings, recentOrders, seeded } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const live = rules.filter((rule) => rule.status !== "archived");
  const archived = rules.filter((rule) => rule.status === "archived");
  return (
    <Page
      title="Inserts"
      subtitle="What goes in the box: rules choose printed inserts, items for the packer and personal codes per order."
      primaryAction={{ content: "New rule", url: "/app/inserts/rules/new" }}
      secondaryActions={[
        { content: "New template", url: "/app/inserts/templates/new" },
        { content: "Insert settings", url: "/app/inserts/settings" },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ActionResultBanner result={result} />
            {seeded > 0 ? (
              <Banner tone="info">
                <p>{`We added ${seeded} ready-made insert templates in English, German, Swedish, Russian, French and Spanish. Edit them or write your own.`}</p>
              </Banner>
            ) : null}
            <RulesTable title="Rules (first runs first)" rows={live} canReorder />
            {archived.length > 0 ? <RulesTable title="Archived rules" rows={archived} canReorder={false} /> : null}
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <TemplatesCard templates={templates} shopPaperSize={settings.paperSize} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <SectionCard title="Insert settings">
            <Text as="p">{`At most ${settings.maxInsertsPerParcel} insert${settings.maxInsertsPerParcel === 1 ? "" : "s"} per parcel. New templates fall back to "${settings.fallbackLocale}". Paper: ${settings.paperSize}.`}</Text>
            <InlineStack>
              <Link to="/app/inserts/settings">Change insert settings</Link>
            </InlineStack>
          </SectionCard>
        </Layout.Section>
        <Layout.Section>
          <RecentOrdersCard orders={recentOrders} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
