import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_COHORT_CLASS_ID } from "../lib/roster/seed-demo";
import { expect, expectAccessible, signInViaApi, test, type TTestUser } from "./fixtures";

// The instructor's dashboards over real HTTP in a real browser: student text shown literally
// everywhere, and the demo cohort's figures with a table beside every chart.

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>window.__xss=1</script>";
const FORMULA = '=HYPERLINK("http://evil.example","點我")';

/** Fails the test on any dialog, and lets it check that no injected script or image ran. */
function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  };
}

/** A student takes the assignment through the API, as the attempt page does, and submits. */
async function takeQuiz(request: APIRequestContext, assignmentId: string, answers: { questionId: string; answer: unknown }[]) {
  const started = await request.post(`/api/assignments/${assignmentId}/attempts`, { data: {} });
  expect(started.ok()).toBe(true);
  const { attemptId } = (await started.json()) as { attemptId: string };
  const submitted = await request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: answers.map((a, i) => ({ ...a, seq: i + 1 })) } });
  expect(submitted.ok()).toBe(true);
  return attemptId;
}

test("every dashboard view shows names and answers that look like HTML as text, and runs none of it", async ({ browser, page, db, makeUser }) => {
  test.setTimeout(120_000);
  const instructor = await makeUser("XSS 老師");
  const klass = await db.class.create({ data: { name: `XSS 檢查班 ${instructor.id.slice(-4)}`, sections: ["A"] } });
  await db.enrollment.create({ data: { classId: klass.id, userId: instructor.id, role: "INSTRUCTOR" } });
  const quiz = await db.quiz.findUniqueOrThrow({ where: { slug: "02-what-generative-ai-is" }, select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, questions: { orderBy: { position: "asc" } } } } } });
  const version = quiz.versions[0]!;
  const assignment = await db.assignment.create({ data: { classId: klass.id, quizId: quiz.id, quizVersionId: version.id, mode: "PRACTICE" } });
  const openQuestion = version.questions.find((q) => q.type === "OPEN")!;
  const shortQuestion = version.questions.find((q) => q.type === "SHORT_TEXT")!;

  const students: TTestUser[] = [];
  for (const [name, rosterName] of [[IMG, SCRIPT], [SCRIPT, null], ["普通同學", FORMULA]] as const) {
    const user = await makeUser("學生");
    await db.user.update({ where: { id: user.id }, data: { name } });
    await db.enrollment.create({ data: { classId: klass.id, userId: user.id, role: "STUDENT", rosterName, section: "A" } });
    students.push(user);
  }
  for (const [i, student] of students.entries()) {
    const context = await browser.newContext();
    await signInViaApi(context.request, student.email, student.password);
    await takeQuiz(context.request, assignment.id, [
      { questionId: openQuestion.id, answer: { type: "open", text: `${IMG} ${SCRIPT} 垃圾郵件過濾是生成 (${i})` } },
      { questionId: shortQuestion.id, answer: { type: "short_text", text: i === 0 ? IMG : SCRIPT } },
    ]);
    await context.close();
  }
  // The open answers are graded by the app's worker
  await expect
    .poll(() => db.feedbackRound.count({ where: { status: "DONE", purpose: "FINAL", response: { attempt: { assignmentId: assignment.id } } } }), { timeout: 60_000 })
    .toBe(3);

  await signInViaApi(page.request, instructor.email, instructor.password);
  const check = guard(page);
  const firstStudent = students[0]!;
  const views = [
    `/classes/${klass.id}`,
    `/classes/${klass.id}/overview`,
    `/classes/${klass.id}/analysis/${assignment.id}`,
    `/classes/${klass.id}/students/${firstStudent.id}`,
    `/classes/${klass.id}/grading?filter=all`,
    `/classes/${klass.id}/grading?filter=all&view=similar`,
  ];
  for (const view of views) {
    await page.goto(view);
    await expect(page.locator("main")).toBeVisible();
    const text = await page.locator("main").innerText();
    // Names on the class pages, answers in the analysis, drill-down and review: always as typed
    if (!view.includes("/analysis/")) expect(text, view).toContain(SCRIPT);
    if (view.includes("/analysis/") || view.includes("/students/") || view.includes("grading")) {
      expect(await page.locator("main").textContent(), view).toContain(IMG);
    }
    await check();
  }
  // The analysis lists the literal short answers and shows the open answers as examples
  await page.goto(`/classes/${klass.id}/analysis/${assignment.id}`);
  const shortCard = page.getByTestId("question-analysis").filter({ has: page.getByTestId("distractors").filter({ hasText: IMG }) });
  await expect(shortCard).toHaveCount(1);
  await page.getByTestId("open-stats").first().locator("summary").first().click();
  await expect(page.getByTestId("examples").first()).toContainText(IMG);
  await check();

  // The three answers differ only in a number the rubric ignores: one group, accepted with one reason
  await page.goto(`/classes/${klass.id}/grading?view=similar`);
  const group = page.getByTestId("review-group");
  await expect(group).toHaveCount(1);
  await expect(group.getByTestId("group-answers").locator("li")).toHaveCount(3);
  await group.getByRole("button", { name: "確認全部 3 份成績" }).click();
  // No reason: the field says so, and nothing is accepted
  await expect(group.getByRole("alert").filter({ hasText: "請寫下理由。" })).toBeVisible();
  expect(await db.gradeAudit.count({ where: { response: { attempt: { assignmentId: assignment.id } } } })).toBe(0);
  await group.getByLabel("理由").fill("三份作答相同，批改一致");
  await group.getByRole("button", { name: "確認全部 3 份成績" }).click();
  await expect(page.getByTestId("review-empty")).toBeVisible();
  expect(await db.gradeAudit.count({ where: { action: "ACCEPT", reason: "三份作答相同，批改一致", response: { attempt: { assignmentId: assignment.id } } } })).toBe(3);
  await check();

  // The exports: the student's text as it was typed, a formula neutralised
  const gradebook = await (await page.request.get(`/classes/${klass.id}/export/gradebook`)).text();
  expect(gradebook).toContain(SCRIPT);
  expect(gradebook).toContain(`"'=HYPERLINK(""http://evil.example"",""點我"")"`);
  const responses = await page.request.get(`/classes/${klass.id}/export/responses`);
  expect(responses.headers()["content-type"]).toContain("text/csv");
  expect(await responses.text()).toContain(IMG);
});

test("the demo cohort: overview with a table beside each chart, item analysis, a student's record", async ({ page }) => {
  await signInViaApi(page.request, "instructor@example.com", "jielong-demo");
  await page.goto("/");
  await page.getByRole("region", { name: "GenAI 2024 統計示範班 (demo cohort)" }).getByRole("link", { name: "班級總覽與統計" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("GenAI 2024 統計示範班 (demo cohort)：班級總覽");

  const assignments = page.getByTestId("assignment-overview");
  expect(await assignments.count()).toBeGreaterThanOrEqual(3);
  // Every histogram has its table: ten bands whose counts add up to the students who submitted
  const first = assignments.first();
  const bands = first.getByTestId("histogram").locator("tbody tr");
  await expect(bands).toHaveCount(10);
  const counts = await bands.locator("td").allInnerTexts();
  const submitted = Number((await first.locator("dd").first().innerText()).match(/\d+/)![0]);
  expect(counts.map(Number).reduce((sum, n) => sum + n, 0)).toBe(submitted);
  await expect(first.locator(".recharts-responsive-container")).toBeVisible();
  await expect(page.getByTestId("participation").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("mastery-heatmap").locator("tbody tr")).toHaveCount(25); // class mean + 24 students
  await expectAccessible(page);
  await first.screenshot({ path: "docs/screenshots/class-overview.png" });

  await first.getByRole("link", { name: /^試題分析/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("試題分析");
  await expect(page.getByTestId("reliability")).toContainText(/KR-20|Cronbach/);
  const rows = page.getByTestId("item-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(2);
  await expect(rows.first().locator("[data-stat=facility]")).toHaveText(/^\d\.\d\d$/);
  await expectAccessible(page);
  await page.screenshot({ path: "docs/screenshots/item-analysis.png", fullPage: true });

  await page.goto(`/classes/${DEMO_COHORT_CLASS_ID}/overview`);
  const studentLink = page.getByTestId("mastery-heatmap").locator("tbody tr").nth(1).getByRole("link");
  const name = await studentLink.innerText();
  await studentLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("student-attempt").first()).toBeVisible();
  await expect(page.getByTestId("student-response").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "docs/screenshots/student-record.png" });
});

test("while an exam is being taken the overview says so and updates itself", async ({ browser, page, db, makeUser }) => {
  test.setTimeout(120_000);
  const instructor = await makeUser("監考老師");
  const student = await makeUser("考生");
  const klass = await db.class.create({ data: { name: `即時更新班 ${instructor.id.slice(-4)}` } });
  await db.enrollment.createMany({ data: [{ classId: klass.id, userId: instructor.id, role: "INSTRUCTOR" }, { classId: klass.id, userId: student.id, role: "STUDENT" }] });
  const quiz = await db.quiz.findUniqueOrThrow({ where: { slug: "01-starter" }, select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, questions: { orderBy: { position: "asc" } } } } } });
  const version = quiz.versions[0]!;
  const assignment = await db.assignment.create({ data: { classId: klass.id, quizId: quiz.id, quizVersionId: version.id, mode: "EXAM", timeLimitMinutes: 30, closesAt: new Date(Date.now() + 60 * 60_000) } });
  const context = await browser.newContext();
  await signInViaApi(context.request, student.email, student.password);
  const started = await context.request.post(`/api/assignments/${assignment.id}/attempts`, { data: {} });
  const { attemptId } = (await started.json()) as { attemptId: string };

  await signInViaApi(page.request, instructor.email, instructor.password);
  await page.goto(`/classes/${klass.id}/overview`);
  await expect(page.getByTestId("live-notice")).toContainText("目前有 1 位學生正在作答");
  const card = page.getByTestId("assignment-overview");
  await expect(card).toContainText("還沒有學生繳交");

  // The student submits; the open page picks it up by itself, without a reload
  const numeric = version.questions.find((q) => q.type === "NUMERIC")!;
  expect((await context.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: [{ questionId: numeric.id, answer: { type: "numeric", text: "10^300" }, seq: 1 }] } })).ok()).toBe(true);
  await context.close();
  await expect(card).toContainText("1 位學生已繳交", { timeout: 60_000 });
  await expect(page.getByTestId("live-notice")).toHaveCount(0);
});
