import "server-only";
import { db } from "@/lib/core/db";

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
