import "server-only";
import { db } from "@/lib/core/db";

/** The classes a user belongs to, with what each role needs on the home page. */
export async function findMyClasses(userId: string) {
  const enrollments = await db.enrollment.findMany({
    where: { userId, class: { archivedAt: null } },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      class: {
        select: {
          id: true,
          name: true,
          term: true,
          _count: { select: { enrollments: { where: { role: "STUDENT" } } } },
          assignments: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              mode: true,
              quizVersion: { select: { title: true } },
              attempts: {
                where: { userId, status: "SUBMITTED" },
                orderBy: { submittedAt: "desc" },
                take: 1,
                select: { id: true, score: true, maxScore: true },
              },
            },
          },
        },
      },
    },
  });
  return enrollments.map(({ role, class: klass }) => ({
    role,
    id: klass.id,
    name: klass.name,
    term: klass.term,
    studentCount: klass._count.enrollments,
    assignments: klass.assignments.map((assignment) => ({
      id: assignment.id,
      mode: assignment.mode,
      title: assignment.quizVersion.title,
      lastAttempt: assignment.attempts[0] ?? null,
    })),
  }));
}
