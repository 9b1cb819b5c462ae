/** Whether a student may see grades and correct answers of a submitted attempt yet. */
export function feedbackReleased(assignment: { feedbackTiming: string; closesAt: Date | null } | null, now: Date): boolean {
  if (!assignment || assignment.feedbackTiming !== "AFTER_CLOSE") return true;
  return !assignment.closesAt || now >= assignment.closesAt;
}
