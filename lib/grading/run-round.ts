import "server-only";
import type { TDb } from "@/lib/core/db";
import type { TLocale } from "@/lib/core/locales";
import { notify } from "@/lib/core/pg-listen";
import type { TGradeResult } from "@/lib/quiz/grade-question";
import type { TOpen } from "@/lib/quiz/schema";

import { detectInjection } from "./detect-injection";
import { EventWriter } from "./event-writer";
import { claimRound, FEEDBACK_CHANNEL, failRound, LEASE_SECONDS, recomputeAttemptScore, releaseRound, renewLease, roundHistory } from "./mutations";
import { pickGrader } from "./pick-grader";
import type { TCriterionEvent, TGrader } from "./schema";
import { scoreVerdicts } from "./score";

// One grading job: take the round, stream the grader's events into the database as they come,
// then store the result (and, for a submitted answer, the grade and the attempt's new total).

/** After this many tries the round is marked failed and the student told so */
export const MAX_TRIES = 5;

async function loadRound(db: TDb, roundId: string) {
  const round = await db.feedbackRound.findUniqueOrThrow({
    where: { id: roundId },
    select: {
      id: true,
      round: true,
      purpose: true,
      answer: true,
      locale: true,
      responseId: true,
      response: { select: { attemptId: true, question: { select: { definition: true } } } },
    },
  });
  const question = round.response.question.definition as TOpen;
  if (question.type !== "open") throw new Error(`round ${roundId} is not on an open question`);
  return { round, question, history: await roundHistory(db, round.responseId, round.round) };
}

export async function runRound(db: TDb, roundId: string, options: { grader?: TGrader } = {}): Promise<void> {
  const grader = options.grader ?? pickGrader();
  const claim = await claimRound(db, roundId, grader.name);
  if (!claim) return;
  // Writing events renews the lease, but a local model may wait its turn longer than a lease
  // before its first token: the heartbeat keeps the round from being taken up a second time
  const heartbeat = setInterval(() => void renewLease(db, roundId).catch(() => {}), (LEASE_SECONDS * 1000) / 4);
  try {
    await gradeRound(db, roundId, grader, claim);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (claim.tries >= MAX_TRIES) {
      await failRound(db, roundId, message);
      return;
    }
    await releaseRound(db, roundId, message);
    throw error; // the queue retries with backoff
  } finally {
    clearInterval(heartbeat);
  }
}

async function gradeRound(db: TDb, roundId: string, grader: TGrader, claim: { previousGrader: string | null; stored: number }) {
  const { round, question, history } = await loadRound(db, roundId);
  const { stored } = claim;
  const writer = new EventWriter(db, roundId, stored + 1);
  // The built-in grader writes the same events every time, so a restarted job carries on where the
  // last one stopped; a model would write something else, so its feedback starts over.
  let skip = 0;
  if (stored > 0 && claim.previousGrader === "builtin" && grader.name === "builtin") skip = stored;
  else if (stored > 0) writer.push({ type: "reset" });

  const criteria: TCriterionEvent[] = [];
  const misconceptions: string[] = [];
  let feedback = "";
  let fallback = false;
  let confidence = 0.5;
  let builtinScore: number | null = null;
  let graderName: string = grader.name;

  const input = { question, answer: round.answer, history, locale: round.locale as TLocale, final: round.purpose === "FINAL" };
  for await (const event of grader.grade(input)) {
    if (event.type === "grader") graderName = event.model ? `${event.name}:${event.model}` : event.name;
    if (event.type === "criterion") criteria.push(event);
    if (event.type === "misconception") misconceptions.push(event.misconceptionId);
    if (event.type === "token") feedback += event.text;
    if (event.type === "notice" && event.code === "LLM_FALLBACK") fallback = true;
    if (event.type === "score") [confidence, builtinScore] = [event.confidence, event.builtinScore ?? null];
    if (event.type === "reset") [criteria.length, misconceptions.length, feedback] = [0, 0, ""];
    if (skip > 0) skip -= 1;
    else writer.push(event);
  }
  await writer.flush();

  // The score comes from the verdicts, whatever the grader's own score event said
  const score = scoreVerdicts(question, criteria);
  const flagged = detectInjection(round.answer).flagged;
  await db.$transaction(async (tx) => {
    await tx.feedbackRound.update({
      where: { id: roundId },
      data: { status: "DONE", grader: graderName, fallback, flagged, score, confidence, builtinScore, verdicts: criteria, misconceptions, feedback, leaseUntil: null, error: null, finishedAt: new Date() },
    });
    if (round.purpose !== "FINAL") return;
    const result: TGradeResult & { roundId: string } = {
      score,
      maxScore: question.points,
      outcome: score >= question.points ? "correct" : score > 0 ? "partial" : "incorrect",
      feedback: [{ "zh-TW": feedback, en: feedback }],
      roundId,
    };
    // Verdicts written by a model are LLM_RUBRIC; the lexical and semantic graders decide them in code
    const source = graderName.startsWith("openai") ? "LLM_RUBRIC" : "BUILTIN_RUBRIC";
    const existing = await tx.grade.findUnique({ where: { responseId: round.responseId }, select: { source: true } });
    // A person's grade is never replaced by a machine's
    if (existing?.source === "HUMAN") return;
    await tx.grade.upsert({
      where: { responseId: round.responseId },
      create: { responseId: round.responseId, score, maxScore: question.points, source, feedback: result },
      update: { score, maxScore: question.points, source, feedback: result, gradedAt: new Date() },
    });
    await recomputeAttemptScore(tx, round.response.attemptId);
  });
  await notify(db, FEEDBACK_CHANNEL, roundId);
}
