import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Tests run against real SQLite files, real HTTP and real Chromium; see test/README.md.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "bench/**/*.test.ts", "extensions/**/*.test.{ts,tsx}"],
    // The UI extensions tester ships JSX sources that Node cannot import untransformed.
    server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
    setupFiles: ["test/setup/setup-env.ts"],
    globalSetup: ["test/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default"],
  },
});
