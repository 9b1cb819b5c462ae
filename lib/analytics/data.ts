import "server-only";
import { db } from "@/lib/core/db";
import type { TAuthorizedClassId } from "@/lib/core/session";

/** The class's assignments, and every student with their submitted attempts, newest first. */
export async function findClassAttempts(classId: TAuthorizedClassId) {
  const [klass, students] = await Promise.all([
    db.class.findUniqueOrThrow({
      where: { id: classId },
      select: { id: true, name: true, term: true, assignments: { orderBy: { quiz: { slug: "asc" } }, select: { id: true, countedAttempt: true, quizVersion: { select: { title: true } } } } },
    }),
    db.enrollment.findMany({
      where: { classId, role: "STUDENT" },
      orderBy: { user: { email: "asc" } },
      select: {
        rosterName: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            attempts: {
              where: { status: "SUBMITTED", assignment: { classId } },
              orderBy: { submittedAt: "desc" },
              select: {
                id: true,
                assignmentId: true,
                number: true,
                score: true,
                maxScore: true,
                submittedAt: true,
                quizVersion: { select: { title: true, version: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  // The roster's name for a student comes first, as on the roster page.
  return {
    klass,
    students: students.map(({ rosterName, user }) => ({ ...user, name: rosterName ?? user.name ?? user.email })),
  };
}

/** One student of the class and every attempt they made at its assignments, answer by answer; null when not a student of it. */
export async function findStudentRecord(classId: TAuthorizedClassId, userId: string) {
  const enrollment = await db.enrollment.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { role: true, rosterName: true, studentNumber: true, section: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!enrollment || enrollment.role !== "STUDENT") return null;
  const attempts = await db.attempt.findMany({
    where: { userId, assignment: { classId } },
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      number: true,
      status: true,
      startedAt: true,
      submittedAt: true,
      autoSubmitted: true,
      score: true,
      maxScore: true,
      assignment: { select: { id: true, mode: true, countedAttempt: true } },
      quizVersion: { select: { title: true, version: true } },
      responses: {
        orderBy: { question: { position: "asc" } },
        select: {
          id: true,
          answer: true,
          variant: true,
          updatedAt: true,
          question: { select: { position: true, points: true, definition: true } },
          grade: { select: { score: true, maxScore: true, source: true, reviewedAt: true, reviewedBy: { select: { name: true, email: true } } } },
          rounds: { orderBy: { round: "asc" }, select: { round: true, purpose: true, status: true, feedback: true, score: true, grader: true } },
          audits: { orderBy: { createdAt: "asc" }, select: { id: true, action: true, previousScore: true, newScore: true, reason: true, createdAt: true, actor: { select: { name: true, email: true } } } },
        },
      },
    },
  });
  const { user, rosterName, studentNumber, section } = enrollment;
  return { student: { id: user.id, name: rosterName ?? user.name ?? user.email, email: user.email, studentNumber, section }, attempts };
}
