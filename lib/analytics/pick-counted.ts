type TAttempt = { id: string; userId?: string; number: number; status: string; score: number | null; assignment: { id: string; countedAttempt: string } | null };

/**
 * The ids of the attempts that count, one per student and assignment, by its rule; the same choice as the SQL in
 * counted-attempts.ts (best score, earliest on a tie; last; first), for pages that already hold the attempts.
 */
export function pickCountedAttempts(attempts: TAttempt[]): Set<string> {
  const chosen = new Map<string, TAttempt>();
  for (const attempt of attempts) {
    if (attempt.status !== "SUBMITTED" || !attempt.assignment) continue;
    const key = `${attempt.userId ?? ""}:${attempt.assignment.id}`;
    const current = chosen.get(key);
    if (!current || better(attempt, current, attempt.assignment.countedAttempt)) chosen.set(key, attempt);
  }
  return new Set([...chosen.values()].map((attempt) => attempt.id));
}

function better(candidate: TAttempt, current: TAttempt, rule: string): boolean {
  if (rule === "LAST") return candidate.number > current.number;
  if (rule === "FIRST") return candidate.number < current.number;
  const [a, b] = [candidate.score ?? -Infinity, current.score ?? -Infinity];
  return a > b || (a === b && candidate.number < current.number);
}
