import { expect, signInViaApi, test } from "./fixtures";

test("an instructor cannot open another class's roster, attempts or an attempt by id", async ({ page, makeUser, db, student }) => {
  const outsider = await makeUser("別班老師");
  const other = await db.class.create({ data: { name: "Other class", enrollments: { create: { userId: outsider.id, role: "INSTRUCTOR" } } } });
  expect(other.id).toBeTruthy();
  const demoAttempt = await db.attempt.create({
    data: { userId: student.id, quizVersionId: (await db.assignment.findUniqueOrThrow({ where: { id: "demo-01-starter" } })).quizVersionId, assignmentId: "demo-01-starter", status: "SUBMITTED", submittedAt: new Date(), score: 1, maxScore: 4 },
  });
  await signInViaApi(page.request, outsider.email, outsider.password);
  for (const path of ["/classes/demo-genai-2024/roster", "/classes/demo-genai-2024", `/attempts/${demoAttempt.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText(student.email)).toHaveCount(0);
  }
  expect((await page.request.get("/classes/demo-genai-2024/roster/export")).status()).toBe(404);
});
