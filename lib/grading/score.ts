import type { TOpen } from "@/lib/quiz/schema";

import type { TVerdict } from "./schema";

// The score is computed here, from the verdicts alone, and clamped to the rubric: nothing a grader
// writes in free text can set it.

export const VERDICT_CREDIT: Record<TVerdict, number> = { met: 1, partly: 0.5, missed: 0 };

export function scoreVerdicts(question: TOpen, verdicts: readonly { criterionId: string; verdict: TVerdict }[]): number {
  const byId = new Map<string, TVerdict>();
  for (const { criterionId, verdict } of verdicts) if (!byId.has(criterionId)) byId.set(criterionId, verdict);
  const raw = question.rubric.criteria.reduce((sum, criterion) => {
    const verdict = byId.get(criterion.id);
    return sum + (verdict ? criterion.points * VERDICT_CREDIT[verdict] : 0);
  }, 0);
  return Math.min(question.points, Math.max(0, Math.round(raw * 100) / 100));
}
