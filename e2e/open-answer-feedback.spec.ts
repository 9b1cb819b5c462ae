import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

// Open answers get rubric feedback that streams in as it is written, revision continues the
// conversation, a reload resumes the stream, and the submitted answer is graded by a queued job.

const SPAM = 10;
const PARTIAL = "垃圾郵件過濾只是在「是垃圾郵件」和「不是」兩個固定答案中挑一個，所以是分類。<img src=x onerror=alert(1)>";
const FULL = `${PARTIAL}寫詩則要一個字一個字產生新的文字，可能的寫法多到列不完，所以是生成。`;

test("feedback on an open answer streams in, a revision is answered with what changed, and the submission is graded", async ({ page, student, db, browser }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInViaApi(page.request, student.email, student.password);
  const quiz = new QuizPage(page);
  await quiz.start("demo-02-what-generative-ai-is");
  const question = quiz.question(SPAM);
  await question.getByLabel("你的回答").fill(PARTIAL);

  // The text grows in many steps while it streams: it is written token by token, not all at once
  const stream = question.getByTestId("feedback-stream");
  // Record the feedback text's length at every change, from before the request is sent
  await question.getByTestId("open-feedback").evaluate((container) => {
    const lengths: number[] = [];
    (window as unknown as { feedbackLengths: number[] }).feedbackLengths = lengths;
    new MutationObserver(() => {
      const text = container.querySelector("[data-testid=feedback-text]")?.textContent ?? "";
      if (lengths.at(-1) !== text.length) lengths.push(text.length);
    }).observe(container, { subtree: true, childList: true, characterData: true });
  });
  await question.getByRole("button", { name: "取得回饋" }).click();
  await expect(stream).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  const lengths = await page.evaluate(() => (window as unknown as { feedbackLengths: number[] }).feedbackLengths);
  // Tokens arrive in small batches; several distinct lengths show it was not sent all at once
  expect(new Set(lengths).size).toBeGreaterThan(3);
  await expect(stream).toHaveAttribute("data-status", "DONE");
  // Without models, the grader says what it is
  await expect(stream.getByTestId("grader-name")).toHaveText("詞彙比對評分器（未安裝模型）");
  await expect(stream.locator('[data-verdict="met"]')).toHaveCount(1);
  await expect(stream.getByTestId("feedback-text")).toContainText("還缺少");
  await expect(stream.getByTestId("feedback-score")).toHaveText("這一輪的評估：1 / 3 分（練習，不列入成績）");
  // The student's own markup is quoted as text, never run
  await expect(stream.getByTestId("feedback-text")).not.toContainText("onerror");

  // "See how it's written": the tokens, and why there are no probabilities with the built-in grader
  await stream.getByText("看它怎麼寫出來（文字接龍）").click();
  await stream.getByRole("list", { name: "回饋的 token" }).getByRole("button").first().click();
  await expect(stream.getByTestId("token-view")).toContainText("沒有候選字的機率");
  await expectAccessible(page);

  // Revise and ask again: the next round speaks to what changed
  await question.getByLabel("你的回答").fill(FULL);
  await question.getByRole("button", { name: "修改後再取得回饋（第 2 輪）" }).click();
  await expect(question.getByTestId("open-feedback")).toHaveAttribute("data-rounds", "2");
  const second = question.getByTestId("feedback-stream").first();
  await expect(second).toHaveAttribute("data-status", "DONE", { timeout: 20_000 });
  await expect(second.getByTestId("feedback-text")).toContainText("這次你補上了");
  await expect(second.getByTestId("feedback-score")).toContainText("3 / 3");

  // A reload brings both rounds back from the server; the earlier one stays readable
  await page.reload();
  await expect(quiz.question(SPAM).getByTestId("feedback-stream").first()).toHaveAttribute("data-status", "DONE");
  await quiz.question(SPAM).getByText("先前的回饋").click();
  await quiz.question(SPAM).getByText("第 1 輪").click();
  await expect(quiz.question(SPAM).getByTestId("feedback-stream")).toHaveCount(2);

  // Resuming a stream: after Last-Event-ID 5 the server sends event 6 onwards
  const rounds = await db.feedbackRound.findMany({ where: { response: { attempt: { userId: student.id } } }, orderBy: { round: "asc" } });
  expect(rounds.map((r) => [r.round, r.status, r.score])).toEqual([
    [1, "DONE", 1],
    [2, "DONE", 3],
  ]);
  const resumed = await page.request.get(`/api/feedback/${rounds[1]!.id}/stream`, { headers: { "Last-Event-ID": "5" } });
  expect(resumed.headers()["content-type"]).toContain("text/event-stream");
  const ids = [...(await resumed.text()).matchAll(/^id: (\d+)$/gmu)].map((m) => Number(m[1]));
  expect(ids[0]).toBe(6);
  expect(ids).toEqual(ids.map((_, i) => 6 + i));
  expect(ids.length).toBe((await db.feedbackEvent.count({ where: { roundId: rounds[1]!.id } })) - 5);

  // Submitting grades the open answer in a queued job; the result page shows it when it lands
  await quiz.expectAllSaved();
  await quiz.submit();
  await quiz.expectResultPage();
  const result = page.getByRole("region", { name: `第 ${SPAM} 題` });
  await expect(result.getByTestId("feedback-stream")).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  await expect(result.getByTestId("feedback-score")).toHaveText("得分：3 / 3 分");
  await expect(result).toContainText("由評分器評閱，尚未經人工複閱");
  const grade = await db.grade.findFirstOrThrow({ where: { response: { attempt: { userId: student.id }, question: { questionUuid: "8a8b6dcc-8b1b-4d32-b7f4-ac549ef5b32f" } } } });
  expect(grade).toMatchObject({ score: 3, source: "BUILTIN_RUBRIC" });
  await expect(page.getByText("<img src=x onerror=alert(1)>", { exact: false }).first()).toBeVisible();

  // The instructor reviews the machine grade: a reason is required, the change is audited,
  // agreement is counted, and the student sees that a person reviewed it
  const staff = await browser.newContext({ locale: "zh-TW", baseURL: test.info().project.use.baseURL });
  const instructor = await staff.newPage();
  instructor.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInViaApi(instructor.request, "instructor@example.com", "jielong-demo");
  await instructor.goto("/classes/demo-genai-2024");
  await instructor.getByRole("link", { name: "開放題評分複閱" }).click();
  await instructor.getByRole("link", { name: /^全部/u }).click();
  const entry = instructor.getByRole("region", { name: student.name });
  await expect(entry.getByTestId("review-answer")).toContainText("<img src=x onerror=alert(1)>");
  await expect(entry.getByTestId("machine-grade")).toContainText("3 / 3");
  await entry.getByLabel("分數（0–3，以 0.5 分為單位）").fill("2");
  await entry.getByRole("button", { name: "改成這個分數與回饋" }).click();
  await expect(entry.getByText("請寫下理由。")).toBeVisible();
  await entry.getByLabel("理由", { exact: true }).fill("沒有比較兩者可能輸出的數量");
  await entry.getByLabel("給學生的回饋").fill("分類與生成的差別說得清楚；再補上可能輸出數量的比較。");
  await entry.getByRole("button", { name: "改成這個分數與回饋" }).click();
  await expect(entry.getByRole("status")).toHaveText("已改分：2 / 3 分。");
  await expect(entry.getByTestId("current-grade")).toContainText("2 / 3");
  await entry.getByText("稽核紀錄（1 筆）").click();
  await expect(entry.getByTestId("audit-log")).toContainText("改分：3 → 2 分。理由：沒有比較兩者可能輸出的數量");
  await expect(instructor.getByTestId("agreement")).toContainText("已複閱");
  await expectAccessible(instructor);
  const audit = await db.gradeAudit.findFirstOrThrow({ where: { responseId: grade.responseId } });
  expect(audit).toMatchObject({ action: "OVERRIDE", machineScore: 3, previousScore: 3, newScore: 2, newSource: "HUMAN" });

  await page.reload();
  const reviewed = page.getByRole("region", { name: `第 ${SPAM} 題` });
  await expect(reviewed).toContainText("已由老師或助教複閱");
  await expect(reviewed).toContainText("2 / 3 分");
  await expect(reviewed).toContainText("再補上可能輸出數量的比較");
  await staff.close();
  expect(dialogs).toEqual([]);
});
