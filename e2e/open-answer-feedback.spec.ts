import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { QuizPage } from "./pages/quiz-page";

// Open answers get rubric feedback that streams in as it is written, revision continues the
// conversation, a reload resumes the stream, and the submitted answer is graded by a queued job.

const SPAM = 10;
const PARTIAL = "垃圾郵件過濾只是在「是垃圾郵件」和「不是」兩個固定答案中挑一個，所以是分類。<img src=x onerror=alert(1)>";
const FULL = `${PARTIAL}寫詩則要一個字一個字產生新的文字，可能的寫法多到列不完，所以是生成。`;

test("feedback on an open answer streams in, a revision is answered with what changed, and the submission is graded", async ({ page, student, db }) => {
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
  await question.getByRole("button", { name: "取得回饋" }).click();
  await expect(stream).toBeVisible();
  const lengths = await stream.getByTestId("feedback-text").evaluate(
    (element) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        const observer = new MutationObserver(() => {
          seen.push(element.textContent?.length ?? 0);
          if (element.closest("[data-status]")?.getAttribute("data-status") === "DONE") {
            observer.disconnect();
            resolve(seen);
          }
        });
        observer.observe(element.closest("[data-status]")!, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
  );
  expect(new Set(lengths).size).toBeGreaterThan(10);
  await expect(stream).toHaveAttribute("data-status", "DONE");
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
  expect(dialogs).toEqual([]);
});
