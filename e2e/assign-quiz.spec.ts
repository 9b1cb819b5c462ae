import { expect, expectAccessible, signInViaApi, test } from "./fixtures";
import { ALL_CORRECT_PLACEMENTS, QuizPage } from "./pages/quiz-page";

// The instructor's browser is in Taipei: the times typed are Taipei times.
test.use({ timezoneId: "Asia/Taipei" });

test("an instructor assigns a timed exam; the student takes it once and sees the score only after it closes", async ({ browser, page, student, db }) => {
  await signInViaApi(page.request, "instructor@example.com", "jielong-demo");
  await page.goto("/classes/demo-genai-2024");
  const form = page.getByRole("region", { name: "指派測驗" });
  await form.getByLabel("測驗", { exact: true }).selectOption({ label: "第 1 講暖身測驗：生成式 AI 是什麼？（3 題）" });
  await form.getByLabel("模式").selectOption({ label: "考試" });
  await form.getByLabel("作答時限（分鐘）").fill("30");
  await form.getByLabel("可作答次數").fill("1");
  await form.getByLabel("何時顯示回饋").selectOption({ label: "截止後" });
  await form.getByRole("button", { name: "指派" }).click();
  await expect(form.getByText("「截止後顯示回饋」需要設定截止時間。")).toBeVisible();
  expect(await db.assignment.count({ where: { classId: "demo-genai-2024", mode: "EXAM", timeLimitMinutes: 30 } })).toBe(0);

  await form.getByLabel("截止時間").fill("2030-06-30T17:00");
  await form.getByRole("button", { name: "指派" }).click();
  await expect(form.getByText("已指派。")).toBeVisible();
  await expectAccessible(page);
  const assignment = await db.assignment.findFirstOrThrow({ where: { classId: "demo-genai-2024", mode: "EXAM", timeLimitMinutes: 30 }, orderBy: { createdAt: "desc" } });
  expect([assignment.attemptsAllowed, assignment.feedbackTiming, assignment.graceSeconds, assignment.closesAt?.toISOString()]).toEqual([1, "AFTER_CLOSE", 60, "2030-06-30T09:00:00.000Z"]);

  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  await signInViaApi(studentPage.request, student.email, student.password);
  await studentPage.goto(`/assignments/${assignment.id}`);
  const rules = studentPage.getByTestId("assignment-rules");
  await expect(rules).toContainText("考試");
  await expect(rules).toContainText("30 分鐘");
  await expect(rules).toContainText("已用 0 / 1 次");
  await expectAccessible(studentPage);
  const quiz = new QuizPage(studentPage);
  await quiz.start(assignment.id);
  await expect(studentPage.getByTestId("countdown")).toHaveText(/^(30:00|29:5\d)$/);
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill("10^300");
  await quiz.question(2).getByRole("button", { name: "標記稍後再看" }).click();
  await expect(quiz.question(2).getByRole("button", { name: "⚑ 已標記" })).toHaveAttribute("aria-pressed", "true");
  await expectAccessible(studentPage);
  await quiz.submit();
  await quiz.expectResultPage();
  await expect(studentPage.getByTestId("feedback-later")).toContainText("分數與回饋會在測驗截止");
  await expect(studentPage.getByTestId("total-score")).toHaveCount(0);
  await expect(studentPage.locator("[data-outcome]")).toHaveCount(0);

  await studentPage.goto("/");
  const onHome = studentPage.getByRole("listitem").filter({ has: studentPage.locator(`a[href="/assignments/${assignment.id}"]`) }).last();
  await expect(onHome).toContainText("考試");
  await expect(onHome).toContainText("已交卷，分數截止後公布");
  await expect(onHome).not.toContainText("4 / 4");
  await studentPage.goto(`/assignments/${assignment.id}`);
  await expect(studentPage.getByTestId("start-blocked")).toHaveText("你已用完作答次數。");
  await expect(studentPage.getByRole("row").filter({ hasText: "第 1 次" })).toContainText("截止後公布");
  await studentContext.close();

  // Staff see the score at once.
  const attempt = await db.attempt.findFirstOrThrow({ where: { userId: student.id, assignmentId: assignment.id } });
  await page.goto(`/attempts/${attempt.id}`);
  await expect(page.getByTestId("total-score")).toHaveText("總分 4 / 4");
});
