import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireClassRoleOrNotFound, requireUser } from "@/lib/core/session";
import { gradeQuestion, type TGradeResult } from "@/lib/quiz/grade-question";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";
import { instantiate, type TVariant } from "@/lib/quiz/variants";
import { findAssignment, findAttempt, nextAttemptNumber } from "./data";
import { prepareQuestions, publicQuestions } from "./prepare-questions";

export const loadAssignmentForTaking = cache(async (assignmentId: string) => {
  const assignment = await findAssignment(assignmentId);
  if (!assignment) notFound();
  const { user } = await requireClassRoleOrNotFound(assignment.classId, ["STUDENT", "TA", "INSTRUCTOR"], `/assignments/${assignmentId}`);
  const attemptNumber = await nextAttemptNumber(assignment.id, user.id);
  return {
    id: assignment.id,
    className: assignment.class.name,
    title: assignment.quizVersion.title,
    lectureSlug: assignment.quiz.lecture.slug,
    questions: publicQuestions(prepareQuestions(assignment.quizVersion.questions, { userId: user.id, attemptNumber })),
  };
});

/**
 * The student who took it, or the staff of its class, may read an attempt. Each question comes
 * back as this student saw it (their variant); ungraded open answers show as awaiting grading.
 */
export const loadAttempt = cache(async (attemptId: string) => {
  const user = await requireUser(`/attempts/${attemptId}`);
  const attempt = await findAttempt(attemptId);
  if (!attempt) notFound();
  if (attempt.userId !== user.id) {
    if (!attempt.assignment) notFound();
    await requireClassRoleOrNotFound(attempt.assignment.classId, ["INSTRUCTOR", "TA"]);
  }
  const reviewed = attempt.responses.map((response) => {
    const question = instantiate(response.question.definition as TQuestion, (response.variant ?? {}) as TVariant);
    const answer = response.answer as TAnswer | { type: "unanswered" };
    const grade = (response.grade?.feedback as TGradeResult | undefined) ?? gradeQuestion(question, answer.type === "unanswered" ? undefined : answer);
    return { id: response.question.id, question, answer, grade };
  });
  return {
    ...attempt,
    reviewed,
    awaiting: reviewed.filter((entry) => entry.grade.outcome === "awaiting_grading").length,
    viewerIsOwner: attempt.userId === user.id,
  };
});

