import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Tests run against real SQLite files, real HTTP and real Chromium; see test/README.md.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "test/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
      "extensions/**/*.test.{ts,tsx}",
    ],
    setupFiles: ["test/setup/setup-env.ts"],
    globalSetup: ["test/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The UI-extension tester ships JSX-compiled ESM that Node cannot import as is (docs: toolchain.md).
    server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
    reporters: ["default"],
  },
});
