// The esbuild options Shopify CLI 4.x uses for UI extensions and JavaScript Functions (read in its bundle:
// production build, minified UI code, `shopify.extend` entry per target; Functions as ESM es2022 before Javy).
import type { BuildOptions } from "esbuild";
import path from "node:path";

/** Shopify CLI 4.x's esbuild options for a UI extension (production build). */
export function uiExtensionOptions(outfile: string, resolveDir: string, contents: string): BuildOptions {
  return {
    stdin: { contents, resolveDir, loader: "tsx" },
    outfile,
    bundle: true,
    minify: true,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    jsx: "automatic",
    jsxImportSource: "preact",
    loader: { ".esnext": "ts", ".js": "jsx" },
    legalComments: "none",
    target: "es6",
    resolveExtensions: [".tsx", ".ts", ".js", ".json", ".esnext", ".mjs", ".ejs"],
    metafile: true,
    write: true,
    logLevel: "error",
  };
}

/** The entry the CLI generates for an API ≥ 2025-10 extension: every target's module, registered with shopify.extend. */
export function extensionEntry(targets: [target: string, module: string][]): string {
  return targets
    .map(([target, module], index) => `import Target_${index} from '${module}';shopify.extend('${target}', (...args) => Target_${index}(...args));`)
    .join("\n");
}

/** Shopify CLI 4.x's esbuild options for a JavaScript Function (the JS Javy then compiles; not minified). */
export function functionOptions(outfile: string, entry: string): BuildOptions {
  const contents = `import __runFunction from "@shopify/shopify_function/run"\nimport { run as runRun } from "user-function"\nexport function run() { return __runFunction(runRun) }`;
  return {
    stdin: { contents, resolveDir: path.dirname(entry), loader: "ts" },
    outfile,
    alias: { "user-function": entry, "@shopify/shopify_function/run": path.join(import.meta.dirname, "shopify-function-run.ts") },
    bundle: true,
    legalComments: "none",
    target: "es2022",
    format: "esm",
    metafile: true,
    logLevel: "error",
  };
}
