import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { createDb, type TDb } from "../lib/core/db";
import { createDatabaseIfMissing, startEmbeddedPostgres, type TEmbeddedPostgres } from "../lib/core/embedded-postgres";
import { freePort } from "../lib/core/free-port";
import { expect, signInViaApi, test } from "./fixtures";
import { ALL_CORRECT_PLACEMENTS, QuizPage } from "./pages/quiz-page";

// The app server and PostgreSQL go away in the middle of an attempt. These tests run their own
// Jielong (the built app, `scripts/start.ts`) against their own PostgreSQL, so that they can
// kill and restart both without disturbing the other tests.

test.describe.configure({ mode: "serial" });


let dataDir: string;
let pgPort: number;
let appPort: number;
let postgres: TEmbeddedPostgres;
let app: ChildProcess | null = null;
let db: TDb;
const databaseUrl = () => `postgresql://postgres:jielong-local@127.0.0.1:${pgPort}/jielong`;

async function startApp() {
  app = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    detached: true, // its own process group, so that a kill takes Next.js down with it
    stdio: "ignore",
    env: { ...process.env, PORT: String(appPort), DATABASE_URL: databaseUrl(), JIELONG_DATA_DIR: dataDir, JIELONG_SEED_DEMO: "1", NEXTAUTH_URL: `http://localhost:${appPort}` },
  });
  await expect
    .poll(async () => (await fetch(`http://localhost:${appPort}/`).then((r) => r.status).catch(() => 0)), { timeout: 120_000, intervals: [500] })
    .toBe(200);
}

function killApp() {
  if (app?.pid) process.kill(-app.pid, "SIGKILL");
  app = null;
}

async function startPostgres() {
  postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: pgPort });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = await mkdtemp(path.join(tmpdir(), "jielong-restart-"));
  await chmod(dataDir, 0o755);
  [pgPort, appPort] = [await freePort(), await freePort()];
  await startPostgres();
  await createDatabaseIfMissing(postgres.urlFor("postgres"), "jielong");
  await startApp();
  db = createDb(databaseUrl());
});

test.afterAll(async () => {
  killApp();
  await db?.$disconnect();
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function takeStarter(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: `http://localhost:${appPort}`, locale: "zh-TW" });
  const page = await context.newPage();
  await signInViaApi(page.request, email, "jielong-demo");
  const quiz = new QuizPage(page);
  await quiz.start("demo-01-starter");
  return { context, page, quiz };
}

async function expectStored(email: string, numeric: string) {
  const attempts = await db.attempt.findMany({ where: { user: { email } }, include: { responses: { include: { grade: true } } } });
  expect(attempts).toHaveLength(1);
  expect(attempts[0]!.status).toBe("SUBMITTED");
  expect(attempts[0]!.responses.filter((r) => r.grade)).toHaveLength(3);
  const answers = attempts[0]!.responses.map((r) => r.answer);
  expect(answers).toContainEqual({ type: "numeric", text: numeric });
  expect(answers).toContainEqual({ type: "single_choice", optionId: "structured" });
}

test("the app server is killed and restarted mid-attempt: nothing typed meanwhile is lost", async ({ browser }) => {
  test.setTimeout(240_000);
  const { context, page, quiz } = await takeStarter(browser, "student1@example.com");
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.expectAllSaved();

  killApp();
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("10^300");
  await expect(quiz.saveStatus).toHaveAttribute("data-state", "offline", { timeout: 15_000 });

  await startApp();
  await quiz.expectAllSaved();
  await quiz.submit();
  await quiz.expectResultPage();
  await expect(page.getByTestId("total-score")).toHaveText("總分 4 / 4");
  await expectStored("student1@example.com", "10^300");
  await context.close();
});

test("PostgreSQL restarts mid-attempt: answers wait, then are stored once it is back", async ({ browser }) => {
  test.setTimeout(240_000);
  const { context, page, quiz } = await takeStarter(browser, "student2@example.com");
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.expectAllSaved();

  await db.$disconnect();
  await postgres.stop();
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("1e300");
  await expect(quiz.saveStatus).toHaveAttribute("data-state", "offline", { timeout: 15_000 });

  await startPostgres();
  await quiz.expectAllSaved();
  await quiz.submit();
  await quiz.expectResultPage();
  await expect(page.getByTestId("total-score")).toHaveText("總分 4 / 4");
  db = createDb(databaseUrl());
  await expectStored("student2@example.com", "1e300");
  await context.close();
});
