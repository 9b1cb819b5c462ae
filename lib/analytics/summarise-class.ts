import { pickCountedAttempts } from "./pick-counted";

type TAttempt = { id: string; assignmentId: string | null; number: number; score: number | null; maxScore: number | null; submittedAt: Date | null };
type TStudent = { id: string; name: string; email: string; attempts: TAttempt[] };

/**
 * For each student and assignment, the attempt that counts (by the assignment's rule, as in the
 * gradebook) and how many there were; plus every attempt, newest first.
 */
export function summariseClass<S extends TStudent>(assignments: { id: string; countedAttempt: string }[], students: S[]) {
  type A = S["attempts"][number];
  const rules = new Map(assignments.map((a) => [a.id, a.countedAttempt]));
  const rows = students.map((student) => {
    const counted = pickCountedAttempts(
      student.attempts.flatMap((attempt) => (attempt.assignmentId && rules.has(attempt.assignmentId) ? [{ ...attempt, status: "SUBMITTED", assignment: { id: attempt.assignmentId, countedAttempt: rules.get(attempt.assignmentId)! } }] : [])),
    );
    return {
      student,
      cells: Object.fromEntries(
        assignments.map(({ id: assignmentId }): [string, { counted: A; count: number } | null] => {
          const mine: A[] = student.attempts.filter((attempt) => attempt.assignmentId === assignmentId);
          const chosen = mine.find((attempt) => counted.has(attempt.id));
          return [assignmentId, chosen ? { counted: chosen, count: mine.length } : null];
        }),
      ),
    };
  });
  const attempts = students
    .flatMap((student) => student.attempts.map((attempt: A) => ({ ...attempt, student })))
    .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0));
  return { rows, attempts };
}
