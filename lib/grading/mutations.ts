import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import type { TLocale } from "@/lib/core/locales";
import { notify } from "@/lib/core/pg-listen";
import type { TAuthorizedClassId } from "@/lib/core/session";
import type { TGradeResult } from "@/lib/quiz/grade-question";
import type { TCriterionEvent, TRound } from "./schema";
import type { TStreamEvent } from "./stream-events";

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

export const FEEDBACK_CHANNEL = "jielong_feedback";
/** Feedback rounds a student may ask for on one answer while practising */
export const MAX_PRACTICE_ROUNDS = 10;
/** How long a worker holds a round without writing before another may take it over */
export const LEASE_SECONDS = 20;

/**
 * The round a student asks for on their saved open answer. While one is still being written the
 * same round is returned, so a double click starts one job.
 */
export async function createPracticeRound(
  db: TDb,
  input: { responseId: string; answer: string; locale: TLocale; maxScore: number },
): Promise<{ roundId: string; created: boolean }> {
  if (!input.answer.trim()) throw new AppError("ANSWER_EMPTY");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Response" WHERE "id" = ${input.responseId} FOR UPDATE`;
    const rounds = await tx.feedbackRound.findMany({
      where: { responseId: input.responseId, purpose: "PRACTICE" },
      orderBy: { round: "desc" },
      select: { id: true, round: true, status: true, answer: true },
    });
    const last = rounds[0];
    if (last && (last.status === "QUEUED" || last.status === "RUNNING")) return { roundId: last.id, created: false };
    if (rounds.length >= MAX_PRACTICE_ROUNDS) throw new AppError("TOO_MANY_ROUNDS");
    const number = (last?.round ?? 0) + 1;
    // Stored before any grading, in a short transaction: a round counts toward the cap even when
    // its grading later fails. The request never grades; the grading worker process does.
    const round = await tx.feedbackRound.create({
      data: { responseId: input.responseId, round: number, purpose: "PRACTICE", answer: input.answer, locale: input.locale, maxScore: input.maxScore },
      select: { id: true },
    });
    return { roundId: round.id, created: true };
  });
}

/** The earlier finished rounds on the same answer, oldest first: what a new round is conditioned on. */
export async function roundHistory(db: Pick<TTx, "feedbackRound">, responseId: string, beforeRound: number): Promise<TRound[]> {
  const earlier = await db.feedbackRound.findMany({
    where: { responseId, round: { lt: beforeRound }, status: "DONE" },
    orderBy: { round: "asc" },
    select: { answer: true, verdicts: true, misconceptions: true, feedback: true },
  });
  return earlier.map((r) => ({ answer: r.answer, criteria: (r.verdicts ?? []) as TCriterionEvent[], misconceptions: r.misconceptions, feedback: r.feedback }));
}

/** Final rounds for the open answers of an attempt being submitted, inside its transaction. */
export async function createFinalRounds(tx: TTx, rounds: { responseId: string; answer: string; locale: TLocale; maxScore: number }[]): Promise<string[]> {
  if (rounds.length === 0) return [];
  const next = await tx.feedbackRound.groupBy({ by: ["responseId"], where: { responseId: { in: rounds.map((r) => r.responseId) } }, _max: { round: true } });
  const after = new Map(next.map((row) => [row.responseId, row._max.round ?? 0]));
  const created = await tx.feedbackRound.createManyAndReturn({
    data: rounds.map((r) => ({ ...r, purpose: "FINAL" as const, round: (after.get(r.responseId) ?? 0) + 1 })),
    select: { id: true },
  });
  return created.map((row) => row.id);
}

/**
 * Takes a round for this worker: a queued one, or a running one whose worker stopped renewing its
 * lease (it crashed or was restarted). Returns null when the round is finished or held elsewhere.
 */
export async function claimRound(db: TDb, roundId: string, grader: string): Promise<{ tries: number; previousGrader: string | null; stored: number } | null> {
  const rows = await db.$queryRaw<{ tries: number; previousGrader: string | null; stored: number }[]>`
    WITH previous AS (SELECT "grader" FROM "FeedbackRound" WHERE "id" = ${roundId})
    UPDATE "FeedbackRound" SET "status" = 'RUNNING', "tries" = "tries" + 1, "grader" = ${grader},
      "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE "id" = ${roundId} AND ("status" = 'QUEUED' OR ("status" = 'RUNNING' AND "leaseUntil" < now()))
    RETURNING "tries", (SELECT "grader" FROM previous) AS "previousGrader",
      (SELECT COALESCE(MAX("seq"), 0) FROM "FeedbackEvent" WHERE "roundId" = ${roundId})::int AS "stored"`;
  return rows[0] ?? null;
}

/** NOTIFY payloads must stay under 8,000 bytes; larger batches announce only where they start */
const MAX_NOTIFY_BYTES = 7500;

/**
 * Stores streamed events after those already stored, renews the lease and tells the streams, in
 * one statement. The notification carries the events themselves when they fit, so that an open
 * stream can pass them on without reading them back.
 */
export async function appendEvents(db: TDb, roundId: string, firstSeq: number, events: TStreamEvent[]): Promise<void> {
  if (events.length === 0) return;
  let payload = JSON.stringify({ roundId, firstSeq, events });
  if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) payload = JSON.stringify({ roundId, firstSeq });
  const rows = events.map((event, i) => ({ seq: firstSeq + i, event }));
  await db.$queryRaw`
    WITH inserted AS (
      INSERT INTO "FeedbackEvent" ("roundId", "seq", "event")
      SELECT ${roundId}, r."seq", r."event" FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("seq" int, "event" jsonb)
      RETURNING 1
    ), leased AS (
      UPDATE "FeedbackRound" SET "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE "id" = ${roundId} RETURNING 1
    )
    SELECT pg_notify(${FEEDBACK_CHANNEL}, ${payload})::text AS "sent", (SELECT count(*) FROM inserted)::int AS "stored", (SELECT count(*) FROM leased)::int AS "leased"`;
}

/** Keeps a running round's lease while its grader works without writing (a model waiting its turn) */
export async function renewLease(db: TDb, roundId: string): Promise<void> {
  await db.feedbackRound.updateMany({ where: { id: roundId, status: "RUNNING" }, data: { leaseUntil: new Date(Date.now() + LEASE_SECONDS * 1000) } });
}

/** A round that will be tried again: back to the queue, its lease released. */
export async function releaseRound(db: TDb, roundId: string, error: string): Promise<void> {
  // Only a round still running: one that another worker took over and finished stays finished
  await db.feedbackRound.updateMany({ where: { id: roundId, status: "RUNNING" }, data: { status: "QUEUED", leaseUntil: null, error: error.slice(0, 500) } });
  await notify(db, FEEDBACK_CHANNEL, roundId);
}

export async function failRound(db: TDb, roundId: string, error: string): Promise<void> {
  await db.feedbackRound.updateMany({ where: { id: roundId, status: "RUNNING" }, data: { status: "FAILED", leaseUntil: null, error: error.slice(0, 500), finishedAt: new Date() } });
  await notify(db, FEEDBACK_CHANNEL, roundId);
}

/**
 * Rounds that lost their job: stored but not queued (the queue was down), or held by a worker that
 * stopped renewing its lease (a restart mid-generation). Queuing them again is safe: a job only
 * runs a round it can claim.
 */
export async function findStaleRounds(db: TDb): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "FeedbackRound"
    WHERE ("status" = 'QUEUED' AND "createdAt" < now() - interval '30 seconds')
       OR ("status" = 'RUNNING' AND "leaseUntil" < now())
    ORDER BY "createdAt" LIMIT 100`;
  return rows.map((row) => row.id);
}

/** An attempt's total is the sum of its grades: called whenever one of them changes. */
/** The attempt's total and its per-question scores (by position, null while pending), from its grades; call inside a transaction. */
export async function recomputeAttemptScore(tx: TTx, attemptId: string): Promise<void> {
  // Locked first, in a statement of its own: two gradings of the same attempt finishing together
  // would otherwise each sum the grades as they stood before the other's commit, and one be lost.
  await tx.$queryRaw`SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} FOR UPDATE`;
  await tx.$executeRaw`
    UPDATE "Attempt" SET ("score", "itemScores") = (
      SELECT COALESCE(SUM(g."score"), 0), COALESCE(jsonb_agg(g."score" ORDER BY q."position"), '[]'::jsonb)
      FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" LEFT JOIN "Grade" g ON g."responseId" = r."id"
      WHERE r."attemptId" = ${attemptId})
    WHERE "id" = ${attemptId}`;
}

// A person's decision on a machine grade: accept it as it is, or replace score and feedback.
// Either way the decision and its reason go to the audit log, and a replaced grade is never
// overwritten by a later machine grading.

export type TReviewDecision = { action: "ACCEPT" } | { action: "OVERRIDE"; score: number; feedback: string };

export async function reviewGrade(
  db: TDb,
  input: { classId: TAuthorizedClassId; responseId: string; actorId: string; decision: TReviewDecision; reason: string; now?: Date },
): Promise<{ score: number }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Response" WHERE "id" = ${input.responseId} FOR UPDATE`;
    // The answer must be one of this class's, with a final grading (done, or failed and left to people)
    const response = await tx.response.findFirst({
      where: { id: input.responseId, attempt: { assignment: { classId: input.classId } }, rounds: { some: { purpose: "FINAL" } } },
      select: {
        attemptId: true,
        grade: { select: { score: true, maxScore: true, source: true, feedback: true } },
        rounds: { where: { purpose: "FINAL" }, orderBy: { round: "desc" }, take: 1, select: { id: true, status: true, score: true, maxScore: true } },
      },
    });
    const machine = response?.rounds[0];
    if (!response || !machine) throw new AppError("NOT_FOUND");
    const { grade } = response;
    // With no grade there is nothing to accept: a person has to give one
    if (!grade && input.decision.action === "ACCEPT") throw new AppError("INVALID_INPUT");
    const maxScore = grade?.maxScore ?? machine.maxScore;
    const previous = (grade?.feedback ?? null) as (TGradeResult & { roundId?: string }) | null;
    let score = grade?.score ?? 0;
    let source = grade?.source ?? "HUMAN";
    let feedback: TGradeResult & { roundId?: string } = previous ?? { score: 0, maxScore, outcome: "incorrect", feedback: [], roundId: machine.id };
    if (input.decision.action === "OVERRIDE") {
      if (input.decision.score > maxScore) throw new AppError("INVALID_INPUT");
      score = input.decision.score;
      source = "HUMAN";
      const text = input.decision.feedback.trim();
      feedback = {
        ...feedback,
        score,
        maxScore,
        outcome: score >= maxScore ? "correct" : score > 0 ? "partial" : "incorrect",
        feedback: text ? [{ "zh-TW": text, en: text }] : feedback.feedback,
      };
    }
    const decided = { score, source, feedback, reviewedById: input.actorId, reviewedAt: now, ...(input.decision.action === "OVERRIDE" ? { gradedById: input.actorId, gradedAt: now } : {}) };
    await tx.grade.upsert({ where: { responseId: input.responseId }, create: { responseId: input.responseId, maxScore, ...decided }, update: decided });
    await tx.gradeAudit.create({
      data: {
        responseId: input.responseId,
        actorId: input.actorId,
        action: input.decision.action,
        machineScore: machine.status === "DONE" ? machine.score : null,
        previousScore: grade?.score ?? null,
        newScore: score,
        previousSource: grade?.source ?? null,
        newSource: source,
        previousFeedback: previous ?? undefined,
        newFeedback: feedback,
        reason: input.reason,
        createdAt: now,
      },
    });
    await recomputeAttemptScore(tx, response.attemptId);
    return { score };
  });
}
