import "server-only";
import { db } from "@/lib/core/db";

/** The assignment with its questions as the database has them (keys included: server only). */
export async function findAssignment(assignmentId: string) {
  return db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      classId: true,
      mode: true,
      opensAt: true,
      closesAt: true,
      class: { select: { name: true } },
      quiz: { select: { lecture: { select: { slug: true } } } },
      quizVersion: {
        select: {
          id: true,
          title: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, definition: true, points: true } },
        },
      },
    },
  });
}

/** The number the user's next attempt at this assignment will have. */
export async function nextAttemptNumber(assignmentId: string, userId: string): Promise<number> {
  return (await db.attempt.count({ where: { assignmentId, userId, status: "SUBMITTED" } })) + 1;
}

export async function findAttempt(attemptId: string) {
  return db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      userId: true,
      status: true,
      score: true,
      maxScore: true,
      submittedAt: true,
      user: { select: { name: true, email: true } },
      assignment: { select: { id: true, classId: true, class: { select: { name: true } } } },
      quizVersion: { select: { title: true, quiz: { select: { lecture: { select: { slug: true } } } } } },
      responses: {
        orderBy: { question: { position: "asc" } },
        select: {
          answer: true,
          variant: true,
          question: { select: { id: true, position: true, definition: true } },
          grade: { select: { score: true, maxScore: true, feedback: true, source: true } },
        },
      },
    },
  });
}
