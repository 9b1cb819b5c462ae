import "server-only";
import { db } from "@/lib/core/db";
import type { TAuthorizedClassId } from "@/lib/core/session";

/** The class's assignments, and every student with their submitted attempts, newest first. */
export async function findClassAttempts(classId: TAuthorizedClassId) {
  const [klass, students] = await Promise.all([
    db.class.findUniqueOrThrow({
      where: { id: classId },
      select: { id: true, name: true, term: true, assignments: { orderBy: { quiz: { slug: "asc" } }, select: { id: true, quizVersion: { select: { title: true } } } } },
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
