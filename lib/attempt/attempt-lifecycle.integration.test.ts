import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { createTestDatabase, type TTestDatabase } from "@/lib/core/testing/test-database";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";
import { checkAnswer, finaliseOverdueAttempts, saveAnswer, setFlag, startAttempt, submitAttempt, type TAssignmentRules } from "./mutations";

let t: TTestDatabase;
let questions: { id: string }[];
const T0 = new Date("2026-11-28T09:00:00+08:00");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function newStudent(name: string) {
  const user = await t.db.user.create({ data: { email: `${name}-${Math.random().toString(36).slice(2)}@example.edu`, name } });
  await t.db.enrollment.create({ data: { classId: "demo-genai-2024", userId: user.id, role: "STUDENT" } });
  return user;
}

async function rules(changes: Partial<TAssignmentRules> = {}): Promise<TAssignmentRules> {
  const assignment = await t.db.assignment.findUniqueOrThrow({ where: { id: demoAssignmentId("01-starter") } });
  return { id: assignment.id, opensAt: null, closesAt: null, timeLimitMinutes: null, attemptsAllowed: null, quizVersionId: assignment.quizVersionId, ...changes };
}

const correct = () => [
  { questionId: questions[0]!.id, answer: { type: "single_choice" as const, optionId: "structured" }, seq: 1 },
  { questionId: questions[2]!.id, answer: { type: "numeric" as const, text: "1e300" }, seq: 2 },
];

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, await loadContent());
  await seedDemo(t.db);
  const assignment = await t.db.assignment.findUniqueOrThrow({ where: { id: demoAssignmentId("01-starter") }, include: { quizVersion: { include: { questions: { orderBy: { position: "asc" } } } } } });
  questions = assignment.quizVersion.questions;
});

describe("starting an attempt", () => {
  it("ten simultaneous starts make one attempt; the others resume it", async () => {
    const student = await newStudent("starter");
    const assignment = await rules();
    const started = await Promise.all(Array.from({ length: 10 }, () => startAttempt(t.db, { userId: student.id, assignment, now: T0 })));
    expect(new Set(started.map((s) => s.attemptId)).size).toBe(1);
    expect(await t.db.attempt.count({ where: { userId: student.id } })).toBe(1);
  });

  it("refuses before opening, after closing and past the attempts allowed, with the reason", async () => {
    const student = await newStudent("refused");
    await expect(startAttempt(t.db, { userId: student.id, assignment: await rules({ opensAt: minutes(5) }), now: T0 })).rejects.toMatchObject({ code: "QUIZ_NOT_OPEN" });
    await expect(startAttempt(t.db, { userId: student.id, assignment: await rules({ closesAt: minutes(-1) }), now: T0 })).rejects.toMatchObject({ code: "QUIZ_CLOSED" });
    const once = await rules({ attemptsAllowed: 1 });
    const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: once, now: T0 });
    await submitAttempt(t.db, { attemptId, userId: student.id, now: T0 });
    await expect(startAttempt(t.db, { userId: student.id, assignment: once, now: T0 })).rejects.toMatchObject({ code: "NO_ATTEMPTS_LEFT" });
  });

  it("sets the deadline from the time limit, or the closing time when that comes first", async () => {
    const student = await newStudent("deadline");
    const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: await rules({ timeLimitMinutes: 30, closesAt: minutes(20) }), now: T0 });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).deadlineAt).toEqual(minutes(20));
  });
});

describe("saving answers", () => {
  it("keeps the newest answer when saves arrive out of order, and refuses what is not the caller's", async () => {
    const student = await newStudent("saver");
    const other = await newStudent("other");
    const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: await rules(), now: T0 });
    const questionId = questions[2]!.id;
    const save = (text: string, seq: number) => saveAnswer(t.db, { attemptId, userId: student.id, save: { questionId, answer: { type: "numeric", text }, seq }, now: T0 });
    expect((await save("10^100", 1)).seq).toBe(1);
    expect((await save("10^300", 3)).seq).toBe(3);
    // A replay of an older save (seq 2) arrives late: the stored answer stays the newest.
    expect((await save("10^200", 2)).seq).toBe(3);
    expect((await t.db.response.findFirstOrThrow({ where: { attemptId, questionId } })).answer).toEqual({ type: "numeric", text: "10^300" });

    await expect(saveAnswer(t.db, { attemptId, userId: other.id, save: { questionId, answer: { type: "numeric", text: "1" }, seq: 9 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveAnswer(t.db, { attemptId: "no-such-attempt", userId: other.id, save: { questionId, answer: { type: "numeric", text: "1" }, seq: 9 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreign = await t.db.question.findFirstOrThrow({ where: { quizVersion: { quiz: { slug: "02-what-generative-ai-is" } } } });
    await expect(saveAnswer(t.db, { attemptId, userId: student.id, save: { questionId: foreign.id, answer: { type: "numeric", text: "1" }, seq: 9 } })).rejects.toMatchObject({ code: "QUESTION_NOT_IN_ATTEMPT" });
    expect((await t.db.response.findFirstOrThrow({ where: { attemptId, questionId } })).answer).toEqual({ type: "numeric", text: "10^300" });

    expect(await setFlag(t.db, { attemptId, userId: student.id, questionId, flagged: true })).toEqual([questionId]);
    expect(await setFlag(t.db, { attemptId, userId: student.id, questionId, flagged: false })).toEqual([]);
  });

  it("takes answers until the deadline plus the grace period, then refuses them and keeps what was saved", async () => {
    const student = await newStudent("clock");
    const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: await rules({ timeLimitMinutes: 10 }), now: T0 });
    const questionId = questions[2]!.id;
    const save = (text: string, seq: number, now: Date) => saveAnswer(t.db, { attemptId, userId: student.id, save: { questionId, answer: { type: "numeric", text }, seq }, now });
    await save("10^300", 1, minutes(9));
    await save("1e300", 2, new Date(minutes(10).getTime() + 59_000)); // inside the 60 s grace
    await expect(save("1", 3, new Date(minutes(10).getTime() + 61_000))).rejects.toMatchObject({ code: "TIME_UP" });
    expect(await finaliseOverdueAttempts(t.db, { now: minutes(12) })).toBeGreaterThanOrEqual(1);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { responses: true } });
    expect([attempt.status, attempt.autoSubmitted, attempt.submittedAt]).toEqual(["SUBMITTED", true, minutes(10)]);
    expect(attempt.responses.find((r) => r.questionId === questionId)?.answer).toEqual({ type: "numeric", text: "1e300" });
    expect(attempt.score).toBe(1);
  });
});

describe("feedback right after each answer", () => {
  it("grades one saved answer on the student's variant when the assignment allows it, and refuses otherwise", async () => {
    const student = await newStudent("checker");
    const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: await rules(), now: T0 });
    const questionId = questions[2]!.id;
    const checked = await checkAnswer(t.db, { attemptId, userId: student.id, save: { questionId, answer: { type: "numeric", text: "10^100" }, seq: 1 }, now: T0 });
    expect(checked.result.outcome).toBe("incorrect");
    expect((await t.db.response.findFirstOrThrow({ where: { attemptId, questionId } })).answer).toEqual({ type: "numeric", text: "10^100" });
    expect(await t.db.grade.count({ where: { response: { attemptId } } })).toBe(0);

    await t.db.assignment.update({ where: { id: demoAssignmentId("01-starter") }, data: { feedbackTiming: "AFTER_SUBMIT" } });
    await expect(checkAnswer(t.db, { attemptId, userId: student.id, save: { questionId, answer: { type: "numeric", text: "1e300" }, seq: 2 }, now: T0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.db.assignment.update({ where: { id: demoAssignmentId("01-starter") }, data: { feedbackTiming: "IMMEDIATE" } });
  });
});

describe("submitting", () => {
  it("grades the saved answers once, however many submissions race", async () => {
    const student = await newStudent("submitter");
    const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: await rules(), now: T0 });
    const [first] = correct();
    await saveAnswer(t.db, { attemptId, userId: student.id, save: first!, now: T0 });
    // The browser's unsent answers travel with the submission; ten tabs submit at once.
    const results = await Promise.all(Array.from({ length: 10 }, () => submitAttempt(t.db, { attemptId, userId: student.id, answers: correct(), now: T0 })));
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.score))).toEqual(new Set([2]));
    const stored = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { responses: { include: { grade: true } } } });
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.responses).toHaveLength(3);
    expect(stored.responses.map((r) => r.grade?.score ?? null).sort()).toEqual([0, 1, 1]);
    expect(await t.db.grade.count({ where: { response: { attemptId } } })).toBe(3);
    await expect(saveAnswer(t.db, { attemptId, userId: student.id, save: { ...first!, seq: 50 }, now: T0 })).rejects.toMatchObject({ code: "ATTEMPT_SUBMITTED" });
  });

  it("an answer racing a submission either lands before the grading or is refused, never after it", async () => {
    const questionId = questions[2]!.id;
    for (let round = 0; round < 8; round++) {
      const student = await newStudent(`racer${round}`);
      const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: await rules(), now: T0 });
      const [saved, submitted] = await Promise.allSettled([
        saveAnswer(t.db, { attemptId, userId: student.id, save: { questionId, answer: { type: "numeric", text: "1e300" }, seq: 1 }, now: T0 }),
        submitAttempt(t.db, { attemptId, userId: student.id, now: T0 }),
      ]);
      expect(submitted.status).toBe("fulfilled");
      const response = await t.db.response.findFirstOrThrow({ where: { attemptId, questionId }, include: { grade: true } });
      if (saved.status === "fulfilled") {
        expect(response.answer).toEqual({ type: "numeric", text: "1e300" });
        expect(response.grade?.score).toBe(1);
      } else {
        expect((saved.reason as { code: string }).code).toBe("ATTEMPT_SUBMITTED");
        expect(response.answer).toEqual({ type: "unanswered" });
        expect(response.grade?.score).toBe(0);
      }
    }
  });

  it("refuses to submit someone else's attempt", async () => {
    const student = await newStudent("owner");
    const other = await newStudent("intruder");
    const { attemptId } = await startAttempt(t.db, { userId: student.id, assignment: await rules(), now: T0 });
    await expect(submitAttempt(t.db, { attemptId, userId: other.id, now: T0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
  });

  it("seeding the demo twice changes nothing", async () => {
    const counts = async () => [await t.db.user.count(), await t.db.enrollment.count(), await t.db.assignment.count(), await t.db.attempt.count()];
    const before = await counts();
    await seedDemo(t.db);
    expect(await counts()).toEqual(before);
  });
});
