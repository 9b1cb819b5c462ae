import { composeFeedback } from "./compose-feedback";
import { splitIntoTokens } from "./feedback-tokens";
import { judgeRubric } from "./rubric-verdicts";
import type { TCriterionEvent, TGradeInput, TGrader, TGraderEvent } from "./schema";
import { scoreVerdicts } from "./score";

// The offline default: deterministic, no model. Its feedback goes through the same token stream as
// a model's, so the student's screen does not depend on which grader ran.

/** A rough certainty, for the review queue's "low confidence" filter: half-met and contradicted points are doubtful. */
function confidenceOf(criteria: TCriterionEvent[], termCount: number): number {
  let confidence = 0.9;
  for (const c of criteria) {
    if (c.verdict === "partly") confidence -= 0.15;
    if (c.contradicted) confidence -= 0.2;
  }
  if (termCount < 4) confidence -= 0.2;
  return Math.round(Math.min(0.95, Math.max(0.1, confidence)) * 100) / 100;
}

export function* builtinEvents(input: TGradeInput): Generator<TGraderEvent> {
  const { analysis, criteria, misconceptions } = judgeRubric(input.question, input.answer);
  const { rubric } = input.question;
  for (const c of criteria) yield { ...c, label: rubric.criteria.find((r) => r.id === c.criterionId)?.description[input.locale] };
  for (const m of misconceptions) yield { type: "misconception", ...m, label: rubric.misconceptions.find((r) => r.id === m.misconceptionId)?.description[input.locale] };
  const feedback = composeFeedback({ ...input, criteria, misconceptionIds: misconceptions.map((m) => m.misconceptionId) });
  for (const text of splitIntoTokens(feedback)) yield { type: "token", text };
  yield { type: "score", score: scoreVerdicts(input.question, criteria), maxScore: input.question.points, confidence: confidenceOf(criteria, analysis.terms.size) };
}

/**
 * The built-in grader. `paceMs` spaces its tokens out as a model's would be, so the student
 * watches the feedback being written at a readable pace; 0 sends them as fast as they are made.
 */
export function createBuiltinGrader({ paceMs = 0 }: { paceMs?: number } = {}): TGrader {
  return {
    name: "builtin",
    async *grade(input, signal) {
      yield { type: "grader", name: "builtin" };
      let tokens = 0;
      for (const event of builtinEvents(input)) {
        // The first token goes out at once; the rest follow at reading pace
        if (event.type === "token" && tokens++ > 0 && paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
        if (signal?.aborted) return;
        yield event;
      }
    },
  };
}

export const builtinGrader = createBuiltinGrader();
