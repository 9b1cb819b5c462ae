import path from "node:path";

import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { OwnApp } from "./own-app";
import { QuizPage } from "./pages/quiz-page";

// Open answers graded with the installed models, in the browser: verdicts from the semantic grader
// and feedback written by the local language model token by token, with its real candidates and
// probabilities; a revision is conditioned on the earlier round. Runs its own Jielong with models on
// (npm test installs them into .data/models first). The model shares two cores with the other
// e2e worker, so its waits are long.

test.describe.configure({ mode: "serial" });

const own = new OwnApp("models", () => ({ JIELONG_MODELS: "on", JIELONG_MODELS_DIR: path.resolve(".data/models"), GRADER_PACE_MS: "0" }));
const SPAM = 10;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await own.setUp();
});

test.afterAll(async () => {
  await own.tearDown();
});

test("the semantic grader's verdicts, and feedback the local model writes with its real candidates", async ({ browser }) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ baseURL: own.baseURL, locale: "zh-TW" });
  const page = await context.newPage();
  await signInViaApi(page.request, "student1@example.com", "jielong-demo");
  const quiz = new QuizPage(page);
  await quiz.start("demo-02-what-generative-ai-is");
  const question = quiz.question(SPAM);

  // A paraphrase in the student's own words, none of the rubric's phrasings
  await question.getByLabel("你的回答").fill("擋垃圾信的程式只需要判斷一封信屬於「垃圾」還是「正常」這兩種之一。");
  await question.getByRole("button", { name: "取得回饋" }).click();
  const stream = question.getByTestId("feedback-stream");
  await expect(stream).toHaveAttribute("data-status", "DONE", { timeout: 360_000 });
  await expect(stream.getByTestId("grader-name")).toContainText("語意評分器（multilingual-e5-small-q4");
  await expect(stream.locator('[data-verdict="met"], [data-verdict="partly"]').first()).toBeVisible();
  const rounds = await own.db.feedbackRound.findMany({ where: { response: { attempt: { user: { email: "student1@example.com" } } } }, orderBy: { round: "asc" } });
  expect(rounds[0]!.grader).toMatch(/^semantic:multilingual-e5-small-q4/u);

  // The model's tokens and its candidates, unless its feedback failed the checks (then said so)
  const replaced = await stream.getByTestId("feedback-replaced").count();
  await stream.getByText("看它怎麼寫出來（文字接龍）").click();
  await stream.getByRole("list", { name: "回饋的 token" }).getByRole("button").first().click();
  if (replaced === 0) {
    expect(rounds[0]!.grader).toContain("qwen2.5-coder-1.5b");
    await expect(stream.getByTestId("token-candidates")).toContainText("%");
    const events = await own.db.feedbackEvent.findMany({ where: { roundId: rounds[0]!.id }, orderBy: { seq: "asc" } });
    const tokens = events.map((e) => e.event as { type: string; candidates?: { probability: number }[] }).filter((e) => e.type === "token");
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.every((t) => (t.candidates?.length ?? 0) > 0)).toBe(true);
  } else {
    await expect(stream.getByTestId("feedback-replaced")).toContainText("改用依評分標準組成的回饋");
  }
  await expectAccessible(page);

  // A revision: round 2 is graded and written with the first round as its history
  await question.getByLabel("你的回答").fill("垃圾信過濾只是在兩個固定的答案裡挑一個，所以是分類；寫一首詩卻要一個字一個字組出以前沒有的新內容，可能的寫法多到列不完，所以是生成。");
  await question.getByRole("button", { name: "修改後再取得回饋（第 2 輪）" }).click();
  await expect(question.getByTestId("open-feedback")).toHaveAttribute("data-rounds", "2");
  const second = question.getByTestId("feedback-stream").first();
  await expect(second).toHaveAttribute("data-status", "DONE", { timeout: 360_000 });
  const after = await own.db.feedbackRound.findMany({ where: { response: { attempt: { user: { email: "student1@example.com" } } } }, orderBy: { round: "asc" } });
  expect(after.map((r) => [r.round, r.status])).toEqual([
    [1, "DONE"],
    [2, "DONE"],
  ]);
  expect(after[1]!.score!).toBeGreaterThan(after[0]!.score!);
  await context.close();
});
