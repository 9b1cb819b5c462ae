import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { createDb, type TDb } from "../lib/core/db";
import { DEMO_CLASS_ID } from "../lib/roster/seed-demo";
import { E2E_PG_PORT } from "../playwright.config";

// The e2e database: the embedded PostgreSQL that `npm start` brought up for this run.
export const E2E_DATABASE_URL = `postgresql://postgres:jielong-local@127.0.0.1:${E2E_PG_PORT}/jielong`;

export type TTestUser = { id: string; email: string; name: string; password: string };

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signInViaApi(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(response.ok()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
}

/** Checks the page for serious or critical accessibility violations with axe-core. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** A documentation-range address (198.18.0.0/15), different for each call */
export function testClientAddress(): string {
  const [a, b] = randomBytes(2);
  return `198.${18 + (a! & 1)}.${b}.${1 + (randomBytes(1)[0]! % 250)}`;
}

type TFixtures = { db: TDb; student: TTestUser; makeUser: (label: string, options?: { canTeach?: boolean }) => Promise<TTestUser> };

export const test = base.extend<TFixtures>({
  // Each test is its own client (a reverse proxy's X-Forwarded-For; the app trusts 127.0.0.1 as
  // one): per-client limits on sign-in failures and mails count one test's requests, not the run's.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ "X-Forwarded-For": testClientAddress(), ...extraHTTPHeaders });
  },
  db: async ({}, use) => {
    const db = createDb(E2E_DATABASE_URL);
    await use(db);
    await db.$disconnect();
  },
  // Users with unique emails, so specs can run side by side.
  makeUser: async ({ db }, use) => {
    await use(async (label, options = {}) => {
      const suffix = randomBytes(4).toString("hex");
      const password = `pw-${randomBytes(8).toString("hex")}`;
      const user = await db.user.create({ data: { email: `e2e-${suffix}@example.com`, name: `${label} ${suffix}`, passwordHash: await hashPassword(password), canTeach: options.canTeach ?? false } });
      return { id: user.id, email: user.email, name: user.name!, password };
    });
  },
  // A new student of the demo class for each test.
  student: async ({ db, makeUser }, use) => {
    const user = await makeUser("測試學生");
    await db.enrollment.create({ data: { classId: DEMO_CLASS_ID, userId: user.id, role: "STUDENT" } });
    await use(user);
  },
});

export { expect };
