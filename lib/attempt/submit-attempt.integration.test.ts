import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { AppError } from "@/lib/core/errors";
import { createTestDatabase, type TTestDatabase } from "@/lib/core/testing/test-database";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";
import { submitAttempt } from "./mutations";

let t: TTestDatabase;

async function demoAssignment() {
  const assignment = await t.db.assignment.findFirstOrThrow({
    where: { id: demoAssignmentId("01-starter") },
    select: {
      id: true,
      opensAt: true,
      closesAt: true,
      quizVersion: { select: { id: true, questions: { orderBy: { position: "asc" }, select: { id: true, definition: true } } } },
    },
  });
  return assignment;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, await loadContent());
  await seedDemo(t.db);
});

describe("submitAttempt", () => {
  it("grades on the server and stores one response and grade per question", async () => {
    const student = await t.db.user.findUniqueOrThrow({ where: { email: "student1@example.com" } });
    const assignment = await demoAssignment();
    const [choice, sort, numeric] = assignment.quizVersion.questions;
    const { attemptId, score, maxScore } = await submitAttempt(t.db, {
      userId: student.id,
      assignment,
      answers: {
        [choice!.id]: { type: "single_choice", optionId: "structured" },
        [sort!.id]: { type: "categorize", placements: { spam: "classification", "cat-dog": "classification", poem: "generation", translate: "classification" } },
        [numeric!.id]: { type: "numeric", text: "1e300" },
      },
    });
    expect(maxScore).toBe(4);
    expect(score).toBeCloseTo(1 + (2 * 3) / 6 + 1);
    const stored = await t.db.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      include: { responses: { include: { grade: true, question: true }, orderBy: { question: { position: "asc" } } } },
    });
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.responses.map((r) => r.grade?.score)).toEqual([1, 1, 1]);
    expect(stored.responses[2]!.answer).toEqual({ type: "numeric", text: "1e300" });
    expect(stored.responses[1]!.grade?.source).toBe("AUTO");
  });

  it("keeps unanswered questions as rows scored 0", async () => {
    const student = await t.db.user.findUniqueOrThrow({ where: { email: "student2@example.com" } });
    const { attemptId, score } = await submitAttempt(t.db, { userId: student.id, assignment: await demoAssignment(), answers: {} });
    expect(score).toBe(0);
    expect(await t.db.response.count({ where: { attemptId } })).toBe(3);
  });

  it("refuses answers to questions that are not in the quiz and writes nothing", async () => {
    const student = await t.db.user.findUniqueOrThrow({ where: { email: "student3@example.com" } });
    const before = await t.db.attempt.count();
    await expect(
      submitAttempt(t.db, { userId: student.id, assignment: await demoAssignment(), answers: { "not-a-question": { type: "numeric", text: "1" } } }),
    ).rejects.toEqual(new AppError("INVALID_INPUT"));
    expect(await t.db.attempt.count()).toBe(before);
  });

  it("refuses a closed assignment", async () => {
    const student = await t.db.user.findUniqueOrThrow({ where: { email: "student3@example.com" } });
    const assignment = { ...(await demoAssignment()), closesAt: new Date("2024-06-30T23:59:00+08:00") };
    await expect(submitAttempt(t.db, { userId: student.id, assignment, answers: {} })).rejects.toMatchObject({ code: "QUIZ_CLOSED" });
  });

  it("seeding the demo twice changes nothing", async () => {
    const counts = async () => [await t.db.user.count(), await t.db.enrollment.count(), await t.db.assignment.count(), await t.db.attempt.count()];
    const before = await counts();
    await seedDemo(t.db);
    expect(await counts()).toEqual(before);
  });
});

describe("submitAttempt racing itself", () => {
  it("two submissions at the same moment: one is saved, the other is told it was already submitted", async () => {
    const student = await t.db.user.findUniqueOrThrow({ where: { email: "student3@example.com" } });
    const assignment = await demoAssignment();
    const before = await t.db.attempt.count({ where: { userId: student.id } });
    const results = await Promise.allSettled([
      submitAttempt(t.db, { userId: student.id, assignment, answers: {} }),
      submitAttempt(t.db, { userId: student.id, assignment, answers: {} }),
    ]);
    const saved = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected" && (r.reason as AppError).code === "ALREADY_SUBMITTED").length;
    expect(saved + refused).toBe(2);
    expect(saved).toBeGreaterThanOrEqual(1);
    expect(await t.db.attempt.count({ where: { userId: student.id } })).toBe(before + saved);
  });
});
