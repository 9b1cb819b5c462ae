import type { Page } from "@playwright/test";
import type { TDb } from "../lib/core/db";
import { expect, signInViaApi, test, type TTestUser } from "./fixtures";
import { ALL_CORRECT_PLACEMENTS, QuizPage } from "./pages/quiz-page";

// What can go wrong while a student takes a quiz. In every test the answers stored at the end
// are the ones the student last entered, and exactly one submission exists.

async function storedAnswers(db: TDb, userId: string) {
  const attempts = await db.attempt.findMany({
    where: { userId },
    include: { responses: { include: { question: true, grade: true }, orderBy: { question: { position: "asc" } } } },
  });
  return attempts;
}

async function expectOneSubmission(db: TDb, student: TTestUser, numeric: string) {
  const attempts = await storedAnswers(db, student.id);
  expect(attempts).toHaveLength(1);
  expect(attempts[0]!.status).toBe("SUBMITTED");
  expect(attempts[0]!.responses).toHaveLength(3);
  expect(attempts[0]!.responses.filter((r) => r.grade)).toHaveLength(3);
  expect(attempts[0]!.responses.map((r) => r.answer)).toContainEqual({ type: "numeric", text: numeric });
  expect(attempts[0]!.responses.map((r) => r.answer)).toContainEqual({ type: "single_choice", optionId: "structured" });
}

async function answerAll(quiz: QuizPage, numeric: string) {
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  await quiz.numericInput(3).fill(numeric);
}

async function startStarter(page: Page, student: TTestUser) {
  await signInViaApi(page.request, student.email, student.password);
  const quiz = new QuizPage(page);
  await quiz.start("demo-01-starter");
  return quiz;
}

test("a reload mid-attempt keeps every answer, even one typed a moment before", async ({ page, student, db }) => {
  const quiz = await startStarter(page, student);
  await answerAll(quiz, "10^100");
  await quiz.expectAllSaved();
  // Changed and reloaded at once, before the autosave had time to send it. The page asks before
  // leaving with unsent answers; the student reloads anyway.
  page.on("dialog", (dialog) => void (dialog.type() === "beforeunload" ? dialog.accept() : dialog.dismiss()));
  await quiz.numericInput(3).fill("10^300");
  await page.reload();
  await expect(quiz.numericInput(3)).toHaveValue("10^300");
  await expect(quiz.question(1).getByRole("radio", { name: /有結構的複雜物件/ })).toBeChecked();
  await quiz.expectAllSaved();
  await quiz.submit();
  await quiz.expectResultPage();
  await expect(page.getByTestId("total-score")).toHaveText("總分 4 / 4");
  await expectOneSubmission(db, student, "10^300");
});

test("offline for 60 s while answering: answers wait on the device, then reach the server in order", async ({ page, context, student, db }) => {
  test.setTimeout(150_000);
  const quiz = await startStarter(page, student);
  await quiz.chooseOption(1, /有結構的複雜物件/);
  await quiz.expectAllSaved();

  await context.setOffline(true);
  await quiz.categorize(2, ALL_CORRECT_PLACEMENTS);
  for (const text of ["10", "10^", "10^3", "10^30", "10^300"]) {
    await quiz.numericInput(3).fill(text);
    await page.waitForTimeout(12_000); // about 60 s in all
  }
  await expect(quiz.saveStatus).toHaveAttribute("data-state", "offline");
  await expect(quiz.saveStatus).toContainText("先保存在這台裝置上");
  // Nothing typed offline is on the server yet, and nothing was shown as saved.
  const [during] = await storedAnswers(db, student.id);
  expect(during!.responses.map((r) => r.question.type)).toEqual(["SINGLE_CHOICE"]);

  await context.setOffline(false);
  await quiz.expectAllSaved();
  const [after] = await storedAnswers(db, student.id);
  expect(after!.responses.map((r) => r.answer)).toContainEqual({ type: "numeric", text: "10^300" });
  await quiz.submit();
  await quiz.expectResultPage();
  await expectOneSubmission(db, student, "10^300");
});

test("double-clicking start and submit makes one attempt and one submission", async ({ page, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  await page.goto("/assignments/demo-01-starter");
  await page.getByRole("button", { name: "開始作答" }).dblclick();
  await expect(page).toHaveURL(/\/attempts\//);
  const quiz = new QuizPage(page);
  await answerAll(quiz, "1e300");
  await page.getByRole("button", { name: "交卷", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "確定交卷" }).dblclick();
  await quiz.expectResultPage();
  await expectOneSubmission(db, student, "1e300");
});

test("submitting from two tabs at once makes one submission, and both tabs show it", async ({ context, page, student, db }) => {
  const quiz = await startStarter(page, student);
  const second = await context.newPage();
  await second.goto(page.url());
  const secondQuiz = new QuizPage(second);
  await answerAll(quiz, "10^300");
  await quiz.expectAllSaved();
  await second.reload();
  await expect(secondQuiz.numericInput(3)).toHaveValue("10^300");

  for (const tab of [page, second]) await tab.getByRole("button", { name: "交卷", exact: true }).click();
  await Promise.all([page, second].map((tab) => tab.getByRole("dialog").getByRole("button", { name: "確定交卷" }).click()));
  await quiz.expectResultPage();
  await secondQuiz.expectResultPage();
  await expectOneSubmission(db, student, "10^300");
});

test("the deadline passes while the student types: inside the grace period the last answer counts", async ({ page, student, db }) => {
  const assignment = await timedAssignment(db, student, { graceSeconds: 20 });
  await signInViaApi(page.request, student.email, student.password);
  const attemptId = await startWithDeadline(db, student, assignment, 8_000);
  await page.goto(`/attempts/${attemptId}`);
  const quiz = new QuizPage(page);
  await expect(page.getByTestId("countdown")).toBeVisible();
  await answerAll(quiz, "10^3");
  await quiz.numericInput(3).fill("10^30");
  // Time runs out while the student is still typing; the page submits by itself.
  await quiz.numericInput(3).fill("10^300");
  await quiz.expectResultPage();
  await expectOneSubmission(db, student, "10^300");
});

test("the deadline passes while offline, beyond the grace period: answers saved in time count, later ones are refused clearly", async ({ page, context, student, db }) => {
  const assignment = await timedAssignment(db, student, { graceSeconds: 2 });
  await signInViaApi(page.request, student.email, student.password);
  const attemptId = await startWithDeadline(db, student, assignment, 8_000);
  await page.goto(`/attempts/${attemptId}`);
  const quiz = new QuizPage(page);
  await answerAll(quiz, "10^300");
  await quiz.expectAllSaved();
  await context.setOffline(true);
  await quiz.numericInput(3).fill("10^100");
  await expect(page.getByTestId("countdown")).toHaveText("時間到", { timeout: 15_000 });
  await expect(page.getByText("連不上伺服器，還沒交卷。")).toBeVisible();
  // Past the 2 s grace period the background job submits the attempt with what was saved in time.
  await expect.poll(async () => (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status, { timeout: 20_000 }).toBe("SUBMITTED");
  await context.setOffline(false);
  await page.reload();
  await quiz.expectResultPage();
  await expect(page.getByText(/自動交卷/)).toBeVisible();
  await expectOneSubmission(db, student, "10^300");
  const [attempt] = await storedAnswers(db, student.id);
  expect(attempt!.autoSubmitted).toBe(true);
});

/** A timed exam in a class of its own (the demo class's list stays as other tests expect it). */
async function timedAssignment(db: TDb, student: TTestUser, rules: { graceSeconds: number }) {
  const version = await db.quizVersion.findFirstOrThrow({ where: { quiz: { slug: "01-starter" } }, orderBy: { version: "desc" } });
  const klass = await db.class.create({ data: { name: "Timed exam class", enrollments: { create: { userId: student.id, role: "STUDENT" } } } });
  return db.assignment.create({ data: { classId: klass.id, quizId: version.quizId, quizVersionId: version.id, mode: "EXAM", timeLimitMinutes: 1, graceSeconds: rules.graceSeconds } });
}

/** An attempt as the start button makes it, with a deadline a few seconds away. */
async function startWithDeadline(db: TDb, student: TTestUser, assignment: { id: string; quizVersionId: string }, ms: number) {
  const attempt = await db.attempt.create({
    data: { userId: student.id, assignmentId: assignment.id, quizVersionId: assignment.quizVersionId, number: 1, deadlineAt: new Date(Date.now() + ms) },
  });
  return attempt.id;
}
