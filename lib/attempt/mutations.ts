import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { gradeQuestion } from "@/lib/quiz/grade-question";
import type { TAnswer } from "@/lib/quiz/schema";
import { prepareQuestions } from "./prepare-questions";

type TQuestionRow = { id: string; definition: unknown };

// Grades every answer on the server and stores attempt, responses and grades in one
// transaction: either the whole submission is saved or nothing is. Each question is graded
// on the variant this student saw: the seed is the user, the question and the attempt number.
// Open answers get no grade yet: they wait for rubric grading.
export async function submitAttempt(
  db: TDb,
  input: {
    userId: string;
    assignment: { id: string; opensAt: Date | null; closesAt: Date | null; quizVersion: { id: string; questions: TQuestionRow[] } };
    answers: Record<string, TAnswer>;
    now?: Date;
  },
): Promise<{ attemptId: string; score: number; maxScore: number }> {
  const now = input.now ?? new Date();
  const { assignment } = input;
  if ((assignment.opensAt && now < assignment.opensAt) || (assignment.closesAt && now > assignment.closesAt)) {
    throw new AppError("QUIZ_CLOSED");
  }
  const known = new Set(assignment.quizVersion.questions.map((question) => question.id));
  if (Object.keys(input.answers).some((questionId) => !known.has(questionId))) throw new AppError("INVALID_INPUT");

  let score = 0;
  let maxScore = 0;
  const attempt = await db.$transaction(async (tx) => {
    const number = (await tx.attempt.count({ where: { assignmentId: assignment.id, userId: input.userId, status: "SUBMITTED" } })) + 1;
    const graded = prepareQuestions(assignment.quizVersion.questions, { userId: input.userId, attemptNumber: number }).map((prepared) => {
      const answer = input.answers[prepared.id];
      return { prepared, answer, result: gradeQuestion(prepared.question, answer) };
    });
    score = graded.reduce((sum, entry) => sum + entry.result.score, 0);
    maxScore = graded.reduce((sum, entry) => sum + entry.result.maxScore, 0);
    const created = await tx.attempt.create({
      data: {
        number,
        userId: input.userId,
        quizVersionId: assignment.quizVersion.id,
        assignmentId: assignment.id,
        status: "SUBMITTED",
        startedAt: now,
        submittedAt: now,
        score,
        maxScore,
      },
    });
    for (const entry of graded) {
      const awaiting = entry.result.outcome === "awaiting_grading";
      await tx.response.create({
        data: {
          attemptId: created.id,
          questionId: entry.prepared.id,
          answer: entry.answer ?? { type: "unanswered" },
          variant: Object.keys(entry.prepared.variant).length ? entry.prepared.variant : undefined,
          grade: awaiting ? undefined : { create: { score: entry.result.score, maxScore: entry.result.maxScore, source: "AUTO", feedback: entry.result } },
        },
      });
    }
    return created;
  }).catch((error: unknown) => {
    // Two submissions racing for the same attempt number (a double click): one wins.
    if ((error as { code?: string }).code === "P2002") throw new AppError("ALREADY_SUBMITTED");
    throw error;
  });
  return { attemptId: attempt.id, score, maxScore };
}
