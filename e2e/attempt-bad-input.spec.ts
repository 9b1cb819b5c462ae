import { expect, signInViaApi, test } from "./fixtures";

// Bad requests to the autosave and submit routes, over HTTP: each gets a clear code, and the
// answer already saved stays as it was.

test("autosave refuses what is not the caller's, not in the attempt, too large or malformed, and keeps the saved answer", async ({ page, browser, baseURL, makeUser, student, db }) => {
  await signInViaApi(page.request, student.email, student.password);
  const started = await (await page.request.post("/api/assignments/demo-03-how-machines-learn/attempts")).json();
  expect(started.ok).toBe(true);
  const attemptId = started.attemptId as string;
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { quizVersion: { include: { questions: true } } } });
  const open = attempt.quizVersion.questions.find((q) => q.type === "OPEN")!;
  const url = `/api/attempts/${attemptId}/answers`;
  const save = (data: unknown) => page.request.post(url, { data });

  const first = await save({ questionId: open.id, answer: { type: "open", text: "訓練是調整參數。" }, seq: 1 });
  expect([first.status(), (await first.json()).seq]).toEqual([200, 1]);
  const stored = async () => (await db.response.findFirstOrThrow({ where: { attemptId, questionId: open.id } })).answer;

  const tooLong = await save({ questionId: open.id, answer: { type: "open", text: "長".repeat(20_001) }, seq: 2 });
  expect([tooLong.status(), (await tooLong.json()).code]).toEqual([413, "ANSWER_TOO_LARGE"]);
  const huge = await save({ questionId: open.id, answer: { type: "open", text: "x".repeat(300_000) }, seq: 3 });
  expect(huge.status()).toBe(413);

  const foreign = await db.question.findFirstOrThrow({ where: { quizVersion: { quiz: { slug: "01-starter" } } } });
  const notInAttempt = await save({ questionId: foreign.id, answer: { type: "numeric", text: "1" }, seq: 4 });
  expect([notInAttempt.status(), (await notInAttempt.json()).code]).toEqual([400, "QUESTION_NOT_IN_ATTEMPT"]);

  const malformed = await page.request.post(url, { headers: { "Content-Type": "application/json" }, data: "{not json" });
  expect([malformed.status(), (await malformed.json()).code]).toEqual([400, "INVALID_INPUT"]);
  const wrongShape = await save({ questionId: open.id, answer: { type: "open" }, seq: 5 });
  expect([wrongShape.status(), (await wrongShape.json()).code]).toEqual([400, "INVALID_INPUT"]);
  const formPost = await page.request.post(url, { form: { questionId: open.id } });
  expect(formPost.status()).toBe(400);

  // Someone else's attempt and an attempt that does not exist look the same.
  const other = await makeUser("別班學生");
  const otherContext = await browser.newContext({ baseURL });
  await signInViaApi(otherContext.request, other.email, other.password);
  const theirs = await otherContext.request.post(url, { data: { questionId: open.id, answer: { type: "open", text: "hijack" }, seq: 99 } });
  const missing = await otherContext.request.post("/api/attempts/no-such-attempt/answers", { data: { questionId: open.id, answer: { type: "open", text: "x" }, seq: 1 } });
  expect([theirs.status(), await theirs.json()]).toEqual([missing.status(), await missing.json()]);
  expect(theirs.status()).toBe(404);
  expect((await otherContext.request.post(`/api/attempts/${attemptId}/submit`, { data: {} })).status()).toBe(404);
  await otherContext.close();

  expect(await stored()).toEqual({ type: "open", text: "訓練是調整參數。" });

  // Once submitted, the attempt takes no more answers; a repeated submit changes nothing.
  const submit = await page.request.post(`/api/attempts/${attemptId}/submit`, { data: {} });
  expect((await submit.json()).alreadySubmitted).toBe(false);
  const again = await page.request.post(`/api/attempts/${attemptId}/submit`, { data: {} });
  expect((await again.json()).alreadySubmitted).toBe(true);
  const late = await save({ questionId: open.id, answer: { type: "open", text: "changed" }, seq: 10 });
  expect([late.status(), (await late.json()).code]).toEqual([409, "ATTEMPT_SUBMITTED"]);
  expect(await stored()).toEqual({ type: "open", text: "訓練是調整參數。" });
});
