import { beforeAll, describe, expect, it } from "vitest";

import { FEEDBACK_PER_STUDENT, requestFeedback, startAttempt, submitAttempt } from "@/lib/attempt/mutations";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { createTestDatabase, type TTestDatabase } from "@/lib/core/testing/test-database";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";

import { builtinGrader } from "./builtin-grader";
import { findStaleRounds, MAX_PRACTICE_ROUNDS } from "./mutations";
import { runRound } from "./run-round";
import type { TGrader } from "./schema";
import type { TStreamEvent } from "./stream-events";

// The grading pipeline against real PostgreSQL: rounds stored with the request or the
// submission, events persisted in order, history carried into the next round, grades written,
// and a job that dies midway picked up again without losing or repeating a token.

let t: TTestDatabase;
let openQuestionId: string;
const assignmentId = demoAssignmentId("02-what-generative-ai-is");
const SPAM_QUESTION = "8a8b6dcc-8b1b-4d32-b7f4-ac549ef5b32f";

const PARTIAL = "A spam filter just picks one of two fixed labels, spam or not spam, so it is classification.";
const FULL = `${PARTIAL} A poem is a new structured object made of many characters, with too many possible versions to list.`;

async function newStudentAttempt() {
  const user = await t.db.user.create({ data: { email: `s-${Math.random().toString(36).slice(2)}@example.edu`, name: "Student" } });
  await t.db.enrollment.create({ data: { classId: "demo-genai-2024", userId: user.id, role: "STUDENT" } });
  const assignment = await t.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  const { attemptId } = await startAttempt(t.db, {
    userId: user.id,
    assignment: { id: assignmentId, opensAt: null, closesAt: null, timeLimitMinutes: null, attemptsAllowed: null, quizVersionId: assignment.quizVersionId },
  });
  return { userId: user.id, attemptId };
}

async function eventsOf(roundId: string): Promise<TStreamEvent[]> {
  const rows = await t.db.feedbackEvent.findMany({ where: { roundId }, orderBy: { seq: "asc" } });
  rows.forEach((row, i) => expect(row.seq).toBe(i + 1));
  return rows.map((row) => row.event as TStreamEvent);
}
const textOf = (events: TStreamEvent[]) => events.flatMap((e) => (e.type === "token" ? [e.text] : [])).join("");

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, await loadContent());
  await seedDemo(t.db);
  const assignment = await t.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  openQuestionId = (await t.db.question.findFirstOrThrow({ where: { quizVersionId: assignment.quizVersionId, questionUuid: SPAM_QUESTION } })).id;
});

describe("practice feedback rounds", () => {
  it("the request only stores the round; a round whose grading fails still counts toward the cap", async () => {
    const { userId, attemptId } = await newStudentAttempt();
    const ask = (seq: number) => requestFeedback(t.db, { attemptId, userId, locale: "en", save: { questionId: openQuestionId, answer: { type: "open", text: `${PARTIAL} (${seq})` }, seq } });
    const first = await ask(1);
    // Nothing graded inside the request: no events until a worker takes the round
    expect(await eventsOf(first.roundId)).toEqual([]);
    await t.db.feedbackRound.update({ where: { id: first.roundId }, data: { status: "FAILED" } });
    for (let seq = 2; seq <= MAX_PRACTICE_ROUNDS; seq++) {
      const { roundId } = await ask(seq);
      await t.db.feedbackRound.update({ where: { id: roundId }, data: { status: seq % 2 ? "FAILED" : "DONE" } });
    }
    await expect(ask(MAX_PRACTICE_ROUNDS + 1)).rejects.toMatchObject({ code: "TOO_MANY_ROUNDS" });
  });

  it("streams verdicts, tokens and a score, and the next round speaks to what changed", async () => {
    const { userId, attemptId } = await newStudentAttempt();
    const ask = (text: string, seq: number) =>
      requestFeedback(t.db, { attemptId, userId, locale: "en", save: { questionId: openQuestionId, answer: { type: "open", text }, seq } });

    const first = await ask(PARTIAL, 1);
    expect(first.created).toBe(true);
    // A double click while the round is waiting gets the same round
    expect((await ask(PARTIAL, 2)).roundId).toBe(first.roundId);
    await runRound(t.db, first.roundId);
    const events = await eventsOf(first.roundId);
    expect(events[0]).toEqual({ type: "grader", name: "builtin" });
    expect(events.filter((e) => e.type === "criterion").map((e) => e.type === "criterion" && [e.criterionId, e.verdict])).toEqual([
      ["spam-is-classification", "met"],
      ["poem-is-structured", "missed"],
      ["output-space", "missed"],
    ]);
    expect(events.at(-1)).toMatchObject({ type: "score", score: 1, maxScore: 3 });
    expect(events.filter((e) => e.type === "token").length).toBeGreaterThan(20);
    const round1 = await t.db.feedbackRound.findUniqueOrThrow({ where: { id: first.roundId } });
    expect(round1).toMatchObject({ status: "DONE", score: 1, purpose: "PRACTICE", grader: "builtin", flagged: false });
    expect(round1.feedback).toBe(textOf(events));

    const second = await ask(FULL, 3);
    expect(second.roundId).not.toBe(first.roundId);
    await runRound(t.db, second.roundId);
    const text = textOf(await eventsOf(second.roundId));
    expect(text).toContain("This time you added: Says a poem is a new structured object");
    expect((await t.db.feedbackRound.findUniqueOrThrow({ where: { id: second.roundId } })).score).toBe(3);
    // Practice rounds set no grade
    expect(await t.db.grade.count({ where: { response: { attemptId } } })).toBe(0);
  });

  it("refuses an empty answer and a question that is not open, and keeps the saved answer", async () => {
    const { userId, attemptId } = await newStudentAttempt();
    await expect(
      requestFeedback(t.db, { attemptId, userId, locale: "zh-TW", save: { questionId: openQuestionId, answer: { type: "open", text: "   " }, seq: 1 } }),
    ).rejects.toMatchObject({ code: "ANSWER_EMPTY" });
    await expect(
      requestFeedback(t.db, { attemptId, userId, locale: "zh-TW", save: { questionId: openQuestionId, answer: { type: "numeric", text: "1" }, seq: 2 } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await t.db.feedbackRound.count({ where: { response: { attemptId } } })).toBe(0);
  });
});

describe("final grading on submission", () => {
  it("stores a round with the submission and the job writes the grade and the attempt's total", async () => {
    const { userId, attemptId } = await newStudentAttempt();
    const outcome = await submitAttempt(t.db, { attemptId, userId, locale: "zh-TW", answers: [{ questionId: openQuestionId, answer: { type: "open", text: FULL }, seq: 1 }] });
    expect(outcome.roundIds).toHaveLength(1);
    const before = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    await runRound(t.db, outcome.roundIds[0]!);
    const grade = await t.db.grade.findFirstOrThrow({ where: { response: { attemptId, questionId: openQuestionId } } });
    expect(grade).toMatchObject({ score: 3, maxScore: 3, source: "BUILTIN_RUBRIC" });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).score).toBe((before.score ?? 0) + 3);
    // Running the job again (a duplicate delivery) changes nothing
    await runRound(t.db, outcome.roundIds[0]!);
    expect(await t.db.feedbackEvent.count({ where: { roundId: outcome.roundIds[0]! } })).toBe((await eventsOf(outcome.roundIds[0]!)).length);
  });
});

describe("a job that dies midway", () => {
  it("is released, found by the sweep when its lease runs out, and resumed without repeating a token", async () => {
    const { userId, attemptId } = await newStudentAttempt();
    const { roundId } = await requestFeedback(t.db, { attemptId, userId, locale: "zh-TW", save: { questionId: openQuestionId, answer: { type: "open", text: FULL }, seq: 1 } });
    let emitted = 0;
    const dying: TGrader = {
      name: "builtin",
      async *grade(input) {
        for await (const event of builtinGrader.grade(input)) {
          yield event;
          if (event.type === "token" && ++emitted === 12) {
            await new Promise((resolve) => setTimeout(resolve, 100)); // let the first batches reach the database
            throw new Error("worker killed");
          }
        }
      },
    };
    await expect(runRound(t.db, roundId, { grader: dying })).rejects.toThrow("worker killed");
    const partial = await eventsOf(roundId);
    expect(partial.length).toBeGreaterThan(0);
    expect((await t.db.feedbackRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("QUEUED");

    // A worker that vanished without releasing: its lease runs out and the sweep finds the round
    await t.db.feedbackRound.update({ where: { id: roundId }, data: { status: "RUNNING", leaseUntil: new Date(Date.now() - 1000) } });
    expect(await findStaleRounds(t.db)).toContain(roundId);

    await runRound(t.db, roundId);
    const resumed = await eventsOf(roundId);
    expect(resumed.slice(0, partial.length)).toEqual(partial);
    expect(resumed.filter((e) => e.type === "reset")).toHaveLength(0);
    // The same events as a clean run on the same answer
    const clean = [...(await collect(builtinGrader.grade({ question: (await questionDefinition()) as never, answer: FULL, history: [], locale: "zh-TW" })))];
    expect(resumed).toEqual(clean);
  });
});

async function questionDefinition() {
  return (await t.db.question.findUniqueOrThrow({ where: { id: openQuestionId } })).definition;
}
async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("feedback requests per student", () => {
  it("are limited over ten minutes with TOO_MANY_REQUESTS, for that student only", async () => {
    const { userId, attemptId } = await newStudentAttempt();
    const other = await newStudentAttempt();
    const now = new Date("2026-12-03T10:00:00Z");
    await t.db.$executeRaw`INSERT INTO "RateLimit" ("key", "count", "windowStartedAt") VALUES (${`feedback:${userId}`}, ${FEEDBACK_PER_STUDENT.limit}, ${now})`;
    const ask = (who: { userId: string; attemptId: string }, at: Date) => requestFeedback(t.db, { ...who, locale: "en", now: at, save: { questionId: openQuestionId, answer: { type: "open", text: PARTIAL }, seq: 1 } });
    await expect(ask({ userId, attemptId }, now)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await t.db.feedbackRound.count({ where: { response: { attemptId } } })).toBe(0);
    expect((await ask(other, now)).created).toBe(true);
    // Ten minutes later the window has moved on
    expect((await ask({ userId, attemptId }, new Date(now.getTime() + FEEDBACK_PER_STUDENT.windowSeconds * 1000 + 1))).created).toBe(true);
  });
});
