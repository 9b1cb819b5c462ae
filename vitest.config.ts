import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests call data functions directly, outside React's server environment.
      "server-only": path.resolve(import.meta.dirname, "lib/core/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    globalSetup: ["lib/core/testing/global-setup.ts"],
    testTimeout: 30_000,
    // The built-in grader's readable pace is for people; tests take its tokens at once.
    // Installed models are off unless a test asks for them (lib/models/*.models.test.ts): the
    // grading tests pin the lexical grader, whose events are deterministic.
    env: { GRADER_PACE_MS: "0", JIELONG_MODELS: "off" },
    hookTimeout: 120_000,
    // Two cores: integration files each get their own database, so they may run side by side.
    maxWorkers: 2,
  },
});
