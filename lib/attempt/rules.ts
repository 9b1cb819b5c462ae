/** Whether a student may see grades and correct answers of a submitted attempt yet. */
export function feedbackReleased(assignment: { feedbackTiming: string; closesAt: Date | null } | null, now: Date): boolean {
  if (!assignment || assignment.feedbackTiming !== "AFTER_CLOSE") return true;
  return !assignment.closesAt || now >= assignment.closesAt;
}

/** Why a new attempt cannot start now, or null when it can. */
export function whyCannotStart(
  assignment: { opensAt: Date | null; closesAt: Date | null; attemptsAllowed: number | null },
  attemptsTaken: number,
  now: Date,
): "not_open" | "closed" | "no_attempts_left" | null {
  if (assignment.opensAt && now < assignment.opensAt) return "not_open";
  if (assignment.closesAt && now >= assignment.closesAt) return "closed";
  if (assignment.attemptsAllowed !== null && attemptsTaken >= assignment.attemptsAllowed) return "no_attempts_left";
  return null;
}
