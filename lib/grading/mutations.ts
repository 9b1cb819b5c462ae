import "server-only";
import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import type { TLocale } from "@/lib/core/locales";
import { notify } from "@/lib/core/pg-listen";

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
    const round = await tx.feedbackRound.create({
      data: { responseId: input.responseId, round: (last?.round ?? 0) + 1, purpose: "PRACTICE", answer: input.answer, locale: input.locale, maxScore: input.maxScore },
      select: { id: true },
    });
    return { roundId: round.id, created: true };
  });
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
export async function claimRound(db: TDb, roundId: string): Promise<{ tries: number } | null> {
  const rows = await db.$queryRaw<{ tries: number }[]>`
    UPDATE "FeedbackRound" SET "status" = 'RUNNING', "tries" = "tries" + 1,
      "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE "id" = ${roundId} AND ("status" = 'QUEUED' OR ("status" = 'RUNNING' AND "leaseUntil" < now()))
    RETURNING "tries"`;
  return rows[0] ?? null;
}

/** Stores streamed events after those already stored, renews the lease, and tells the streams. */
export async function appendEvents(db: TDb, roundId: string, firstSeq: number, events: TStreamEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.$transaction([
    db.feedbackEvent.createMany({ data: events.map((event, i) => ({ roundId, seq: firstSeq + i, event })) }),
    db.$executeRaw`UPDATE "FeedbackRound" SET "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE "id" = ${roundId}`,
  ]);
  await notify(db, FEEDBACK_CHANNEL, roundId);
}

export async function nextSeq(db: TDb, roundId: string): Promise<number> {
  const last = await db.feedbackEvent.findFirst({ where: { roundId }, orderBy: { seq: "desc" }, select: { seq: true } });
  return (last?.seq ?? 0) + 1;
}

/** A round that will be tried again: back to the queue, its lease released. */
export async function releaseRound(db: TDb, roundId: string, error: string): Promise<void> {
  await db.feedbackRound.update({ where: { id: roundId }, data: { status: "QUEUED", leaseUntil: null, error: error.slice(0, 500) } });
  await notify(db, FEEDBACK_CHANNEL, roundId);
}

export async function failRound(db: TDb, roundId: string, error: string): Promise<void> {
  await db.feedbackRound.update({ where: { id: roundId }, data: { status: "FAILED", leaseUntil: null, error: error.slice(0, 500), finishedAt: new Date() } });
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
