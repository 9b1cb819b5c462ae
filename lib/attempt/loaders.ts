import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/core/db";
import { requireClassRoleOrNotFound, requireUser } from "@/lib/core/session";
import { gradeQuestion, type TGradeResult } from "@/lib/quiz/grade-question";
import { toPublicQuestion } from "@/lib/quiz/public-question";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";
import { instantiate, shuffled, type TVariant } from "@/lib/quiz/variants";
import { findAssignment, findAttempt, findMyAttempts } from "./data";
import { acceptsAnswersUntil, finaliseOverdueAttempts } from "./mutations";
import { prepareQuestions } from "./prepare-questions";
import { feedbackReleased, whyCannotStart } from "./rules";

/** The assignment page: its rules, the caller's attempts, and whether they may start one. */
export const loadAssignment = cache(async (assignmentId: string) => {
  const assignment = await findAssignment(assignmentId);
  if (!assignment) notFound();
  const { user } = await requireClassRoleOrNotFound(assignment.classId, ["STUDENT", "TA", "INSTRUCTOR"], `/assignments/${assignmentId}`);
  await finaliseOverdueAttempts(db, { assignmentId, userId: user.id });
  const attempts = await findMyAttempts(assignmentId, user.id);
  const now = new Date();
  const inProgress = attempts.find((attempt) => attempt.status === "IN_PROGRESS") ?? null;
  return { assignment, attempts, inProgress, block: inProgress ? null : whyCannotStart(assignment, attempts.length, now), now };
});

/**
 * An attempt, for its owner or the staff of its class. In progress and the owner's: what the
 * taking page needs (questions without keys, in this attempt's order, with the server's copy of
 * the answers and the clock). Submitted: the review, each question as this student saw it.
 */
export const loadAttempt = cache(async (attemptId: string) => {
  const user = await requireUser(`/attempts/${attemptId}`);
  let attempt = await findAttempt(attemptId);
  if (!attempt) notFound();
  const viewerIsOwner = attempt.userId === user.id;
  if (!viewerIsOwner) {
    if (!attempt.assignment) notFound();
    await requireClassRoleOrNotFound(attempt.assignment.classId, ["INSTRUCTOR", "TA"]);
  }
  if (attempt.status === "IN_PROGRESS" && attempt.assignment && (await finaliseOverdueAttempts(db, { assignmentId: attempt.assignment.id, userId: attempt.userId }))) {
    attempt = (await findAttempt(attemptId))!;
  }
  const now = new Date();
  const assignment = attempt.assignment;
  const header = {
    id: attempt.id,
    number: attempt.number,
    title: attempt.quizVersion.title,
    className: assignment?.class.name ?? null,
    assignmentId: assignment?.id ?? null,
    mode: assignment?.mode ?? "PRACTICE",
    lectureSlug: attempt.quizVersion.quiz.lecture.slug,
    takenBy: attempt.user.name ?? attempt.user.email,
    viewerIsOwner,
  };
  const prepared = prepareQuestions(attempt.quizVersion.questions, attempt);
  const responses = new Map(attempt.responses.map((response) => [response.questionId, response]));

  if (attempt.status === "IN_PROGRESS") {
    const order = assignment?.shuffleQuestions ? shuffled(prepared, `${attempt.id}:questions`) : prepared;
    const until = acceptsAnswersUntil({ deadlineAt: attempt.deadlineAt, graceSeconds: assignment?.graceSeconds ?? 60 });
    return {
      view: "taking" as const,
      ...header,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      acceptsUntil: until,
      serverNow: now.getTime(),
      answeredCount: attempt.responses.length,
      questionCount: prepared.length,
      // Only the owner gets the questions and answers to work on; staff see the progress.
      questions: viewerIsOwner ? order.map((entry) => toPublicQuestion(entry.id, entry.question, entry.seed, { shuffleOptions: assignment?.shuffleOptions ?? true })) : [],
      saved: viewerIsOwner ? Object.fromEntries(attempt.responses.map((r) => [r.questionId, { answer: r.answer as TAnswer, seq: r.seq }])) : {},
      flagged: attempt.flagged,
      checkable: assignment?.feedbackTiming === "IMMEDIATE",
      rounds: viewerIsOwner ? Object.fromEntries(attempt.responses.map((r) => [r.questionId, r.rounds.filter((round) => round.purpose === "PRACTICE").map((round) => round.id)])) : {},
    };
  }

  const released = !viewerIsOwner || feedbackReleased(assignment, now);
  const definitions = new Map(attempt.quizVersion.questions.map((row) => [row.id, row.definition as TQuestion]));
  const reviewed = prepared.map((entry) => {
    const response = responses.get(entry.id);
    // The variant stored at submission is the one that was graded.
    const question = response?.variant ? instantiate(definitions.get(entry.id)!, response.variant as TVariant) : entry.question;
    const answer = (response?.answer ?? { type: "unanswered" }) as TAnswer | { type: "unanswered" };
    const grade = (response?.grade?.feedback as TGradeResult | undefined) ?? gradeQuestion(question, answer.type === "unanswered" ? undefined : answer);
    // An open answer's grading streams from its final round, live if it is still being written
    const finalRoundId = response?.rounds.filter((round) => round.purpose === "FINAL").at(-1)?.id ?? null;
    return { id: entry.id, question, answer, grade, finalRoundId, gradeSource: response?.grade?.source ?? null, reviewed: Boolean(response?.grade?.reviewedAt) };
  });
  return {
    view: "review" as const,
    ...header,
    released,
    releasesAt: assignment?.closesAt ?? null,
    score: attempt.score,
    maxScore: attempt.maxScore,
    submittedAt: attempt.submittedAt,
    autoSubmitted: attempt.autoSubmitted,
    reviewed: released ? reviewed : [],
    awaiting: reviewed.filter((entry) => entry.grade.outcome === "awaiting_grading").length,
  };
});
