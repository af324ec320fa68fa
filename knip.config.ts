import type { KnipConfig } from "knip";

// Unused files, exports and dependencies (`npm run lint`). Remix routes, vitest's test files and the
// package.json scripts are found by knip's own plugins; what they cannot see is listed here.
const config: KnipConfig = {
  entry: [
    "scripts/*.{ts,mjs}",
    "bench/*.ts",
    "extensions/*/src/*.{ts,tsx}",
    "test/support/*.mjs",
    // The tests (vitest's projects in vitest.config.ts), their setup, and a script a test runs as a child process.
    "{app,scripts,bench,extensions,test}/**/*.test.{ts,tsx}",
    "test/setup/*.ts",
    "test/support/crash-mid-batch.ts",
    // Loaded by esbuild's alias in bench/support/cli-esbuild.ts, not by an import.
    "bench/support/shopify-function-run.ts",
  ],
  project: ["app/**/*.{ts,tsx}", "scripts/**/*.{ts,mjs}", "bench/**/*.ts", "extensions/**/*.{ts,tsx}", "test/**/*.{ts,mjs}"],
  ignoreDependencies: [
    // Types of packages imported by name (smtp-server in test/support/smtp-sink.ts, mailparser in the demo mailbox).
    "@types/smtp-server",
    "@types/mailparser",
  ],
};

export default config;
