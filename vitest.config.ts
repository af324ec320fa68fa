import path from "node:path";
import { defineConfig } from "vitest/config";

// Three projects (test/README.md): `unit`, the pure tests beside their subject, with no global setup, so one
// file answers in about a second; `db`, the tests in test/<capability>/ that need the build, a database, a
// server or a child process; `e2e`, the Chromium tests (`*.e2e.test.ts`). `npm test` runs all three.
const alias = { "~": path.resolve(import.meta.dirname, "app") };
const slow = {
  setupFiles: ["test/setup/setup-env.ts"],
  // The Remix build and the migrated template database, each rebuilt only when its inputs changed.
  globalSetup: ["test/setup/global-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
};

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "bench/**/*.test.ts", "extensions/**/*.test.{ts,tsx}"],
          pool: "threads",
          // The UI-extension tester ships JSX-compiled ESM that Node cannot import as is: vite transforms it.
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
      { resolve: { alias }, test: { name: "db", include: ["test/**/*.test.{ts,tsx}"], exclude: ["test/**/*.e2e.test.ts"], ...slow } },
      { resolve: { alias }, test: { name: "e2e", include: ["test/**/*.e2e.test.ts"], ...slow } },
    ],
  },
});
