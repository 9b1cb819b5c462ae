import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

const ALL_TYPES = ["single_choice", "multiple_select", "categorize", "ordering", "numeric", "short_text", "next_token", "open"];
const ASSESSMENTS = ["demo-01-starter", "demo-02-what-generative-ai-is", "demo-03-how-machines-learn", "demo-04-one-token-at-a-time"];

test("a student answers every question type in one quiz and gets each graded or queued", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  const quiz = new QuizPage(page);
  await quiz.start("demo-03-how-machines-learn");
  const cards = page.locator("[data-question-type]");
  const types = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-question-type")));
  expect(new Set(types)).toEqual(new Set(ALL_TYPES));
  await expectAccessible(page);

  for (let index = 0; index < types.length; index++) {
    const card = cards.nth(index);
    switch (types[index]) {
      case "single_choice":
      case "next_token":
        await card.getByRole("radio").first().check();
        break;
      case "multiple_select":
        await card.getByRole("checkbox").first().check();
        break;
      case "categorize":
        for (const group of await card.getByRole("group").all()) await group.getByRole("radio").first().check();
        break;
      case "ordering":
        await card.getByRole("button", { name: /往下移/ }).first().click();
        break;
      case "numeric":
        await card.getByLabel("你的答案").fill("10^3");
        await expect(card.getByText("讀作：1,000")).toBeVisible();
        break;
      case "short_text":
        await card.getByLabel("你的答案").fill("參數");
        break;
      case "open":
        await card.getByLabel("你的回答").fill("訓練是用資料調整參數；推論是用調好的參數處理新的輸入。");
        break;
    }
  }
  await quiz.submit();
  await quiz.expectResultPage();
  await expect(page.locator("[data-outcome]")).toHaveCount(types.length);
  await expect(page.locator("[data-outcome=unanswered]")).toHaveCount(0);
  // Open answers are graded against their rubric by a queued job: the page streams each grading
  // and shows the grade when it lands
  const streams = page.getByTestId("feedback-stream");
  await expect(streams).toHaveCount(types.filter((type) => type === "open").length);
  for (const stream of await streams.all()) await expect(stream).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  await expect(page.locator("[data-outcome=awaiting_grading]")).toHaveCount(0);
  await expectAccessible(page);

  const attempt = await db.attempt.findFirstOrThrow({ where: { userId: student.id }, include: { responses: { include: { question: true, grade: true } } } });
  expect(attempt.responses).toHaveLength(types.length);
  for (const response of attempt.responses) {
    expect((response.answer as { type: string }).type).toBe(response.question.type.toLowerCase());
    expect(response.grade?.source).toBe(response.question.type === "OPEN" ? "BUILTIN_RUBRIC" : "AUTO");
  }
});

test("no quiz page sends answer keys, feedback, probabilities or rubrics before grading", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  const secrets = ['"correct"', "correctFeedback", "incorrectFeedback", "commonMistakes", '"probability"', '"rubric"', "referenceAnswer", '"accepted"', '"patterns"', '"category"', '"answer":', '"feedback"', "keyIdeas", "misconceptions"];
  for (const assignment of ASSESSMENTS) {
    // An attempt in progress is where the questions are shown.
    const { quizVersionId } = await db.assignment.findUniqueOrThrow({ where: { id: assignment } });
    const attempt = await db.attempt.create({ data: { userId: student.id, assignmentId: assignment, quizVersionId, number: 1 } });
    const html = await (await page.request.get(`/attempts/${attempt.id}`)).text();
    const rsc = await (await page.request.get(`/attempts/${attempt.id}`, { headers: { RSC: "1" } })).text();
    // The HTML carries the RSC payload as escaped JSON strings; unescape quotes to see it plainly.
    for (const body of [html.replace(/\\"/g, '"'), rsc]) {
      expect(body, assignment).toContain('"prompt"');
      for (const secret of secrets) expect(body, `${assignment} leaked ${secret}`).not.toContain(secret);
    }
  }
});

test("a check-yourself question in the notes gives feedback at once", async ({ page }) => {
  await page.goto("/lectures/01-what-is-generative-ai");
  const check = page.locator("section#not-classification aside");
  await expect(check.getByRole("heading", { name: "隨堂自我檢查" })).toBeVisible();
  const button = check.getByRole("button", { name: "檢查答案" });
  await expect(button).toBeDisabled();
  const firstInput = check.locator("input").first();
  if ((await firstInput.getAttribute("type")) === "text") await firstInput.fill("分類");
  else await firstInput.check();
  await button.click();
  await expect(check.getByText(/^(答對|部分正確|答錯)$/)).toBeVisible();
  await expect(check.locator("[aria-live=polite] p").first()).not.toBeEmpty();
  await expectAccessible(page);
});
