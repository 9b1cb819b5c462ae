import "server-only";
import { db } from "@/lib/core/db";
import type { TAuthorizedClassId } from "@/lib/core/session";

import type { TStreamEvent } from "./stream-events";

/** Who may read a round: the attempt's owner and, through the assignment, its class. */
export async function findRoundAccess(roundId: string) {
  return db.feedbackRound.findUnique({
    where: { id: roundId },
    select: {
      purpose: true,
      response: {
        select: { attempt: { select: { userId: true, assignment: { select: { classId: true, feedbackTiming: true, closesAt: true } } } } },
      },
    },
  });
}

export async function findEventsAfter(roundId: string, afterSeq: number): Promise<{ seq: number; event: TStreamEvent }[]> {
  const rows = await db.feedbackEvent.findMany({ where: { roundId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: 500, select: { seq: true, event: true } });
  return rows.map((row) => ({ seq: row.seq, event: row.event as TStreamEvent }));
}

export async function findRoundState(roundId: string) {
  return db.feedbackRound.findUnique({ where: { id: roundId }, select: { status: true, score: true, maxScore: true, tries: true } });
}

export const REVIEW_FILTERS = ["unreviewed", "flagged", "low_confidence", "disagree", "all"] as const;
export type TReviewFilter = (typeof REVIEW_FILTERS)[number];

/** Below this the grader was unsure of itself */
export const LOW_CONFIDENCE = 0.6;

/** The machine-graded open answers of a class, newest first, with what a reviewer needs. */
export async function findGradedAnswers(classId: TAuthorizedClassId) {
  const rounds = await db.feedbackRound.findMany({
    // Failed gradings too: their answers wait for a person to grade them
    where: { purpose: "FINAL", status: { in: ["DONE", "FAILED"] }, response: { attempt: { assignment: { classId } } } },
    orderBy: { finishedAt: "desc" },
    take: 500,
    select: {
      id: true,
      responseId: true,
      answer: true,
      grader: true,
      fallback: true,
      flagged: true,
      score: true,
      maxScore: true,
      confidence: true,
      builtinScore: true,
      status: true,
      feedback: true,
      verdicts: true,
      misconceptions: true,
      finishedAt: true,
      response: {
        select: {
          question: { select: { definition: true } },
          attempt: { select: { id: true, user: { select: { name: true, email: true } }, quizVersion: { select: { title: true } } } },
          grade: { select: { score: true, source: true, reviewedAt: true, reviewedBy: { select: { name: true, email: true } } } },
        },
      },
    },
  });
  // One entry per answer: its latest grading
  const seen = new Set<string>();
  return rounds.filter((round) => (seen.has(round.responseId) ? false : (seen.add(round.responseId), true)));
}

export type TGradedAnswer = Awaited<ReturnType<typeof findGradedAnswers>>[number];

export function matchesFilter(entry: TGradedAnswer, filter: TReviewFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "unreviewed":
      return !entry.response.grade?.reviewedAt;
    case "flagged":
      return entry.flagged;
    case "low_confidence":
      return (entry.confidence ?? 0) < LOW_CONFIDENCE;
    case "disagree":
      // The model and the built-in grader are a third of the points or more apart
      return entry.builtinScore !== null && entry.score !== null && Math.abs(entry.score - entry.builtinScore) >= entry.maxScore / 3 - 1e-9;
  }
}

/** Machine score and the person's final score, for each answer a person decided on. */
export async function findReviewedPairs(classId: TAuthorizedClassId) {
  const audits = await db.gradeAudit.findMany({
    where: { machineScore: { not: null }, response: { attempt: { assignment: { classId } } } },
    orderBy: { createdAt: "desc" },
    select: { responseId: true, machineScore: true, newScore: true },
  });
  const seen = new Set<string>();
  return audits.filter((a) => (seen.has(a.responseId) ? false : (seen.add(a.responseId), true))).map((a) => ({ machine: a.machineScore!, human: a.newScore }));
}

/** The audit log of one answer's grade, newest first. */
export async function findGradeAudits(classId: TAuthorizedClassId, responseIds: string[]) {
  return db.gradeAudit.findMany({
    where: { responseId: { in: responseIds }, response: { attempt: { assignment: { classId } } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, responseId: true, action: true, previousScore: true, newScore: true, reason: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
}

export async function findClassName(classId: TAuthorizedClassId) {
  return (await db.class.findUniqueOrThrow({ where: { id: classId }, select: { name: true } })).name;
}
