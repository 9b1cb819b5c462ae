import "server-only";
import { db } from "@/lib/core/db";

const ASSIGNMENT_RULES = {
  id: true,
  classId: true,
  mode: true,
  opensAt: true,
  closesAt: true,
  timeLimitMinutes: true,
  attemptsAllowed: true,
  countedAttempt: true,
  feedbackTiming: true,
  shuffleQuestions: true,
  shuffleOptions: true,
  graceSeconds: true,
  quizVersionId: true,
} as const;

/** An assignment's rules, its class and quiz (no questions). */
export async function findAssignment(assignmentId: string) {
  return db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      ...ASSIGNMENT_RULES,
      class: { select: { name: true } },
      quiz: { select: { lecture: { select: { slug: true } } } },
      quizVersion: { select: { title: true, _count: { select: { questions: true } } } },
    },
  });
}

/** Only an assignment's rules: the lean read on the start path. */
export async function findAssignmentRules(assignmentId: string) {
  return db.assignment.findUnique({ where: { id: assignmentId }, select: ASSIGNMENT_RULES });
}

/** The user's attempts at an assignment, newest first. */
export async function findMyAttempts(assignmentId: string, userId: string) {
  return db.attempt.findMany({
    where: { assignmentId, userId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, status: true, startedAt: true, submittedAt: true, deadlineAt: true, autoSubmitted: true, score: true, maxScore: true },
  });
}

/** An attempt with its assignment's rules and every response (keys included: server only). */
export async function findAttempt(attemptId: string) {
  return db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      userId: true,
      number: true,
      variantSalt: true,
      status: true,
      score: true,
      maxScore: true,
      startedAt: true,
      deadlineAt: true,
      submittedAt: true,
      autoSubmitted: true,
      flagged: true,
      user: { select: { name: true, email: true } },
      assignment: { select: { ...ASSIGNMENT_RULES, class: { select: { name: true } } } },
      quizVersion: {
        select: {
          title: true,
          quiz: { select: { lecture: { select: { slug: true } } } },
          questions: { orderBy: { position: "asc" }, select: { id: true, position: true, definition: true } },
        },
      },
      responses: {
        select: {
          questionId: true,
          answer: true,
          variant: true,
          seq: true,
          grade: { select: { score: true, maxScore: true, feedback: true, source: true, reviewedAt: true } },
          rounds: { orderBy: { round: "asc" }, select: { id: true, purpose: true } },
        },
      },
    },
  });
}
