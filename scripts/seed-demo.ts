// Seeds the local demo shop: an installed Shop row and an offline session, so the admin pages and
// background jobs have the shop they expect, its promise settings, insert templates, insert rules and follow-up
// rules. Idempotent. `--no-rules` seeds all but the rules; `--insert-rules-only` and `--follow-up-rules-only`
// (one or both) only those: `npm run demo` adds the rules after sending the history, so its ~1,700 orders get
// no inserts (offline, each decision's Shopify jobs retry and end up dead) and the demo week's orders do, and
// the follow-up rules are made at the demo week's start, so its orders get their emails.
import { readFileSync } from "node:fs";
import { Session } from "@shopify/shopify-api";
import { listInsertRules } from "~/models/inserts/insert-rule.server";
import { saveInsertRule } from "~/models/inserts/insert-rule-save.server";
import { addFollowUpRuleIfMissing } from "~/models/follow-ups/follow-up-rule-seed.server";
import { getFollowUpSettings, saveFollowUpSettings } from "~/models/follow-ups/follow-up-settings.server";
import { parseFollowUpRule } from "~/schemas/follow-ups/follow-up-rule";
import { seedDefaultTemplates } from "~/models/inserts/insert-template.server";
import { countSettingsVersions, markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { promiseSettingsSchema } from "~/schemas/promise/promise-settings";
import { markShopInstalled, recordShopTimeZone } from "~/models/shop/shop.server";
import prisma from "~/models/db/prisma.server";
import { sessionStorage } from "~/shopify.server";
import { getEnv } from "~/utils/env.server";
import { DEMO_WEEK_START } from "./simulator/scenario-demo";

const env = getEnv();
if (env.KEPT_DEMO !== "1") throw new Error("seed-demo only runs with KEPT_DEMO=1");
const shop = env.DEMO_SHOP;
const flag = (name: string) => process.argv.includes(name);
const only = flag("--insert-rules-only") || flag("--follow-up-rules-only");
const withRest = !only;
const withInsertRules = !flag("--no-rules") && (!only || flag("--insert-rules-only"));
const withFollowUpRules = !flag("--no-rules") && (!only || flag("--follow-up-rules-only"));

async function seedShop() {
  await markShopInstalled(shop, env.SCOPES);
  // What the shipping snapshot would read from Shopify (shop.ianaTimezone); the demo shop is in Stockholm.
  await recordShopTimeZone(prisma, shop, "Europe/Stockholm");
  await sessionStorage.storeSession(
    new Session({ id: `offline_${shop}`, shop, state: "demo", isOnline: false, scope: env.SCOPES, accessToken: "demo-offline-token" }),
  );
  console.log(`[demo] seeded ${shop}`);
}

// The demo shop's delivery-promise settings (lanes for the simulator's shipping methods), in force from the
// start of 2026 or 180 days ago, whichever is earlier, so the demo week of November 2026 and the history (the
// ten weeks up to now) get their promises recorded.
async function seedPromiseSettings() {
  if ((await countSettingsVersions(shop)) === 0) {
    const document = promiseSettingsSchema.parse(JSON.parse(readFileSync("scripts/demo-promise-settings.json", "utf8")));
    const since = new Date(Math.min(Date.parse("2026-01-01T00:00:00Z"), Date.now() - 180 * 86_400_000));
    const version = await saveSettingsVersion(shop, document, since);
    // The demo shop has shown Kept's dates at checkout since then (a real shop's sync job records this when
    // Shopify accepts the config), so its simulated orders count in the kept-rate on the Dashboard.
    await markVersionPublished(shop, version, since);
    console.log(`[demo] promise settings v${version} saved, at checkout since ${since.toISOString().slice(0, 10)}`);
  }
}

// The built-in insert templates (thank-you card, care guide, gift note, code card in six languages).
async function seedTemplates() {
  const templates = await seedDefaultTemplates(shop);
  if (templates > 0) console.log(`[demo] ${templates} insert templates added`);
}

// Two insert rules, so the simulator's orders get inserts (Inserts, Print queue, order pages): a thank-you card
// with a counted soap sample for first orders, and the care guide with shampoo bars. Saved the way the rule
// editor saves them (validated, linted, version 1). Without Shopify, the first-order rule counts the customer's
// orders from Kept's history after the facts query has failed (docs/inserts.md).
async function seedInsertRules() {
  if ((await listInsertRules(shop)).length === 0) {
    const documents = JSON.parse(readFileSync("scripts/demo-insert-rules.json", "utf8")) as unknown[];
    for (const document of documents) {
      const saved = await saveInsertRule(shop, { document, baseVersion: 0, stockEdited: true });
      if (!saved.ok) throw new Error(`demo insert rule refused: ${saved.errors.map((error) => `${error.path} ${error.message}`).join("; ")}`);
    }
    console.log(`[demo] ${documents.length} insert rules saved`);
  }
}

// Three follow-up rules with the built-in messages (scripts/demo-follow-up-rules.json): an apology when a promise
// is at risk or late, "we shipped early", and care advice 3 days after arrival. A rule speaks only of events
// after it was made (docs/follow-ups.md), so these are made at the start of the demo week the simulator sends:
// its orders get emails, in their customers' languages, into the demo's mail catcher.
async function seedFollowUpRules() {
  const documents = JSON.parse(readFileSync("scripts/demo-follow-up-rules.json", "utf8")) as unknown[];
  let added = 0;
  for (const document of documents) {
    const parsed = parseFollowUpRule(document);
    if (!parsed.ok) throw new Error(`demo follow-up rule refused: ${parsed.errors.map((error) => `${error.path} ${error.message}`).join("; ")}`);
    if (await addFollowUpRuleIfMissing(shop, parsed.rule, new Date(DEMO_WEEK_START))) added += 1;
  }
  if (added > 0) console.log(`[demo] ${added} follow-up rules saved, speaking from ${DEMO_WEEK_START.slice(0, 10)}`);
  // No quiet hours in the demo (00:00–23:59, as the settings form can say it) unless the merchant saved their own:
  // what is due goes to the mail catcher at once, whatever the time of day (with the default 09:00–20:00 where
  // the customer is, a demo run in the evening showed an empty mailbox).
  const settings = await getFollowUpSettings(shop);
  if (!settings.saved) {
    const { saved: _saved, ...values } = settings;
    await saveFollowUpSettings(shop, { ...values, windowStartMinute: 0, windowEndMinute: 1439 });
  }
}

if (withRest) {
  await seedShop();
  await seedPromiseSettings();
  await seedTemplates();
}
if (withInsertRules) await seedInsertRules();
if (withFollowUpRules) await seedFollowUpRules();
