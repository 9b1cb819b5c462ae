import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireClassRoleOrNotFound, requireUser } from "@/lib/core/session";
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

/** The student who took it, or the staff of its class, may read an attempt. */
export const loadAttempt = cache(async (attemptId: string) => {
  const user = await requireUser(`/attempts/${attemptId}`);
  const attempt = await findAttempt(attemptId);
  if (!attempt) notFound();
  if (attempt.userId !== user.id) {
    if (!attempt.assignment) notFound();
    await requireClassRoleOrNotFound(attempt.assignment.classId, ["INSTRUCTOR", "TA"]);
  }
  return attempt;
});

