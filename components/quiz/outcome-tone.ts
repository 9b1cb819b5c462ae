import type { TOutcome } from "@/lib/quiz/grade-question";

/** The badge colour of each grading outcome. */
export const OUTCOME_TONE: Record<TOutcome, "success" | "warning" | "danger" | "neutral"> = {
  correct: "success",
  partial: "warning",
  incorrect: "danger",
  unanswered: "neutral",
  awaiting_grading: "neutral",
};
