import type { Browser } from "@playwright/test";
import { expect, signInViaApi, test } from "./fixtures";
import { OwnApp } from "./own-app";
import { ALL_CORRECT_PLACEMENTS, QuizPage } from "./pages/quiz-page";

// The app server and PostgreSQL go away in the middle of an attempt. These tests run their own
// Jielong (the built app, `scripts/start.ts`) against their own PostgreSQL, so that they can
// kill and restart both without disturbing the other tests.

test.describe.configure({ mode: "serial" });

const own = new OwnApp("restart");

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await own.setUp();
});

test.afterAll(async () => {
  await own.tearDown();
});

async function takeStarter(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: own.baseURL, locale: "zh-TW" });
  const page = await context.newPage();
  await signInViaApi(page.request, email, "jielong-demo");
  const quiz = new QuizPage(page);
  await quiz.start("demo-01-starter");
  return { context, page, quiz };
}

async function expectStored(email: string, numeric: string) {
  const attempts = await own.db.attempt.findMany({ where: { user: { email } }, include: { responses: { include: { grade: true } } } });
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

  own.killApp();
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("10^300");
  await expect(quiz.saveStatus).toHaveAttribute("data-state", "offline", { timeout: 15_000 });

  await own.startApp();
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

  await own.stopPostgres();
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("1e300");
  await expect(quiz.saveStatus).toHaveAttribute("data-state", "offline", { timeout: 15_000 });

  await own.startPostgres();
  await quiz.expectAllSaved();
  await quiz.submit();
  await quiz.expectResultPage();
  await expect(page.getByTestId("total-score")).toHaveText("總分 4 / 4");
  own.reconnect();
  await expectStored("student2@example.com", "1e300");
  await context.close();
});
