// npm run bench:bundle: builds each checkout extension the way Shopify CLI 4.x does, next to a baseline
// built the same way in the same run, and prints raw, gzip and brotli sizes (the CLI reports brotli).
// Also prints the promise-config metafield size for a large shop and fails if a bundle pulls in a server-only
// library (date-holidays, zod) or exceeds the 20 KB gzip target.
import { build, type BuildOptions, type Metafile } from "esbuild";
import { extensionEntry, functionOptions, uiExtensionOptions } from "./support/cli-esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { packPromiseConfig } from "~/domain/promise/promise-config-wire";
import { promiseSettingsSchema, toPromiseConfig } from "~/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "~/services/promise/expand-closed-dates.server";
import { largePromiseSettings } from "./support/large-promise-settings";

const TARGET_GZIP_BYTES = 20 * 1024;
const SERVER_ONLY = ["date-holidays", "zod", "@prisma", "liquidjs"];
const root = process.cwd();
const out = mkdtempSync(path.join(tmpdir(), "kept-bundle-"));

interface Row {
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
  inputs: string[];
}

async function measure(name: string, options: BuildOptions): Promise<Row> {
  const result = await build(options);
  const code = readFileSync(options.outfile as string);
  const metafile = result.metafile as Metafile;
  return {
    name,
    raw: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
    inputs: Object.keys(metafile.inputs),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const baselineDir = path.join(root, "extensions/promise-shipping-option");
  const baselineSource = `import "@shopify/ui-extensions/preact"; import { render } from "preact";
    shopify.extend("purchase.checkout.block.render", async () => { render(<s-text>Kept</s-text>, document.body); });`;
  const functionBaseline = path.join(out, "empty-function.ts");
  await build({ stdin: { contents: "export function run() { return { operations: [] }; }", loader: "ts" }, outfile: functionBaseline, logLevel: "error" });

  const rows = [
    await measure("baseline: empty Preact extension (s-text)", uiExtensionOptions(path.join(out, "baseline.js"), baselineDir, baselineSource)),
    await measure(
      "kept-promise-shipping-option",
      uiExtensionOptions(
        path.join(out, "shipping-option.js"),
        baselineDir,
        extensionEntry([["purchase.checkout.shipping-option-item.details.render", "./src/ShippingOptionPromise.tsx"]]),
      ),
    ),
    await measure(
      "kept-promise-order-status",
      uiExtensionOptions(
        path.join(out, "order-status.js"),
        path.join(root, "extensions/promise-order-status"),
        extensionEntry([
          ["purchase.thank-you.block.render", "./src/ThankYouPromise.tsx"],
          ["customer-account.order-status.block.render", "./src/OrderStatusPromise.tsx"],
        ]),
      ),
    ),
    await measure("baseline: Function returning no operations (JS before Javy)", functionOptions(path.join(out, "function-baseline.js"), functionBaseline)),
    await measure(
      "kept-promise-dates Function (JS before Javy)",
      functionOptions(path.join(out, "function.js"), path.join(root, "extensions/promise-dates-function/src/index.ts")),
    ),
  ];

  console.log("bundle                                                        raw        gzip     brotli");
  for (const row of rows) console.log(`${row.name.padEnd(58)} ${kb(row.raw).padStart(9)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}`);

  const settings = promiseSettingsSchema.parse(largePromiseSettings());
  const config = toPromiseConfig(settings, expandClosedDatesForSettings(settings, "2026-11-23"));
  const plain = Buffer.byteLength(JSON.stringify(config));
  const packed = Buffer.byteLength(
    JSON.stringify(packPromiseConfig({ ...config, shopifyDates: false, shopifyTimeZone: settings.shop.timeZone, checkoutSurface: "option" })),
  );
  console.log(
    `\npromise config metafield, ${config.lanes.length} lanes, 120 days of holidays: ${plain} bytes as plain JSON, ${packed} bytes packed (Function limit 10,000)`,
  );

  const problems = rows.flatMap((row) => [
    ...row.inputs.filter((input) => SERVER_ONLY.some((name) => input.includes(`node_modules/${name}`))).map((input) => `${row.name} bundles ${input}`),
    ...(row.name.startsWith("kept-promise-") && !row.name.includes("Function") && row.gzip > TARGET_GZIP_BYTES
      ? [`${row.name} is over ${kb(TARGET_GZIP_BYTES)} gzip`]
      : []),
  ]);
  rmSync(out, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
}

await main();
