import { startTestLlmServer, type TTestLlmServer } from "../lib/grading/testing/test-llm-server";
import { expect, signInViaApi, test } from "./fixtures";
import { OwnApp } from "./own-app";
import { QuizPage } from "./pages/quiz-page";

// Grading by a language model, end to end in the browser: Jielong configured with an
// OpenAI-compatible endpoint (the suite's own test server), feedback streamed with the model's
// candidates, a revision that carries the earlier round, and the app killed mid-generation.
// Like the restart tests, this runs its own Jielong and PostgreSQL.

test.describe.configure({ mode: "serial" });

let llm: TTestLlmServer;
const own = new OwnApp("llm", () => ({ LLM_BASE_URL: llm.url, LLM_MODEL: "test-model", LLM_TIMEOUT_MS: "10000" }));
const SPAM = 10;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  llm = await startTestLlmServer({ gullible: false });
  await own.setUp();
});

test.afterAll(async () => {
  await own.tearDown();
  await llm?.close();
});

test("a model's feedback streams with its candidates, a revision carries the last round, and a killed app finishes the job", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: own.baseURL, locale: "zh-TW" });
  const page = await context.newPage();
  await signInViaApi(page.request, "student1@example.com", "jielong-demo");
  const quiz = new QuizPage(page);
  await quiz.start("demo-02-what-generative-ai-is");
  const question = quiz.question(SPAM);

  await question.getByLabel("你的回答").fill("A spam filter picks one of two fixed labels, so it is classification.");
  await question.getByRole("button", { name: "取得回饋" }).click();
  const stream = question.getByTestId("feedback-stream");
  await expect(stream).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  await expect(stream).toContainText("語言模型 test-model");
  await expect(stream.getByTestId("feedback-text")).toContainText("Keep going!");
  // The next-token game, live: each token with the model's candidates and their probabilities
  await stream.getByText("看它怎麼寫出來（文字接龍）").click();
  await stream.getByRole("list", { name: "回饋的 token" }).getByRole("button").first().click();
  await expect(stream.getByTestId("token-candidates")).toContainText("60.0%");

  // Revision: the model is given the earlier answer and feedback
  await question.getByLabel("你的回答").fill("A spam filter picks one of two fixed labels, so it is classification. A poem is structured and something new.");
  llm.requests.length = 0;
  await question.getByRole("button", { name: "修改後再取得回饋（第 2 輪）" }).click();
  await expect(question.getByTestId("open-feedback")).toHaveAttribute("data-rounds", "2");
  await expect(question.getByTestId("feedback-stream").first()).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  const feedbackPrompt = llm.requests.find((r) => r.stream)!.messages[0]!.content;
  expect(feedbackPrompt).toContain("Round 1 answer (data)");
  expect(feedbackPrompt).toContain("say what changed since the last round");

  // The app dies while the model is writing: after the restart the job is taken up again and the
  // browser, reconnecting by itself, ends up with one complete feedback
  llm.behaviour.tokenDelayMs = 400;
  await question.getByLabel("你的回答").fill("A spam filter picks one of two fixed labels, so it is classification. A poem is structured, something new, with too many to enumerate.");
  await question.getByRole("button", { name: "修改後再取得回饋（第 3 輪）" }).click();
  await expect(question.getByTestId("open-feedback")).toHaveAttribute("data-rounds", "3");
  const third = question.getByTestId("feedback-stream").first();
  await expect(third).toHaveAttribute("data-status", /RUNNING|QUEUED|connecting/u);
  await expect(third.getByTestId("feedback-text")).toContainText("Thanks for your answer.", { timeout: 30_000 });
  own.killApp();
  llm.behaviour.tokenDelayMs = 0;
  await own.startApp();
  await expect(third).toHaveAttribute("data-status", "DONE", { timeout: 90_000 });
  await expect(third.getByTestId("feedback-text")).toContainText("Keep going!");
  expect((await third.getByTestId("feedback-text").textContent())!.match(/Thanks for your answer/gu)).toHaveLength(1);
  const rounds = await own.db.feedbackRound.findMany({ where: { response: { attempt: { user: { email: "student1@example.com" } } } }, orderBy: { round: "asc" } });
  expect(rounds.map((r) => [r.round, r.status, r.grader])).toEqual([
    [1, "DONE", "openai:test-model"],
    [2, "DONE", "openai:test-model"],
    [3, "DONE", "openai:test-model"],
  ]);
  expect(rounds[2]!.tries).toBeGreaterThanOrEqual(2);
  await context.close();
});
