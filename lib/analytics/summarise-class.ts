type TAttempt = { id: string; assignmentId: string | null; score: number | null; maxScore: number | null; submittedAt: Date | null };
type TStudent = { id: string; name: string; email: string; attempts: TAttempt[] };

/** For each student and assignment, the best attempt and how many there were; plus every attempt, newest first. */
export function summariseClass<S extends TStudent>(assignmentIds: string[], students: S[]) {
  type A = S["attempts"][number];
  const rows = students.map((student) => ({
    student,
    cells: Object.fromEntries(
      assignmentIds.map((assignmentId): [string, { best: A; count: number } | null] => {
        const mine: A[] = student.attempts.filter((attempt) => attempt.assignmentId === assignmentId);
        const best = mine.reduce<A | null>((top, attempt) => (!top || (attempt.score ?? 0) > (top.score ?? 0) ? attempt : top), null);
        return [assignmentId, best ? { best, count: mine.length } : null];
      }),
    ),
  }));
  const attempts = students
    .flatMap((student) => student.attempts.map((attempt: A) => ({ ...attempt, student })))
    .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0));
  return { rows, attempts };
}
