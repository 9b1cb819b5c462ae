import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
export const E2E_DATA_DIR = ".data/e2e";

// The e2e run starts Jielong exactly as a newcomer does (`npm start`, embedded PostgreSQL,
// demo data), in a fresh data folder, and drives it in Debian's Chromium.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "zh-TW",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/start.ts`,
    url: `http://localhost:${E2E_PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(E2E_PORT),
      JIELONG_PG_PORT: String(E2E_PG_PORT),
      JIELONG_DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: "",
      // The shared app grades with the lexical grader (deterministic); e2e/model-grading.spec.ts
      // runs an app of its own with the installed models
      JIELONG_MODELS: "off",
      // The tests speak for many clients through X-Forwarded-For (e2e/fixtures.ts gives each test
      // its own address), as a reverse proxy on this machine would
      JIELONG_TRUSTED_PROXIES: "127.0.0.1,::1",
      // Mail goes to the SMTP server that e2e/global-setup.ts starts.
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 2526}?ignoreTLS=true`,
      // Single sign-on through the OpenID provider that e2e/global-setup.ts starts.
      OIDC_ISSUER: `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 2527}`,
      OIDC_CLIENT_ID: "jielong-e2e",
      OIDC_CLIENT_SECRET: "jielong-e2e-secret-0123456789",
      OIDC_NAME: "NTU SSO (test)",
      OIDC_INSTRUCTOR_CLAIM: "groups=teachers",
    },
  },
});
