import type { TLocale } from "@/lib/core/locales";
import type { TEmbedder } from "@/lib/models/embed";

import { composeFeedback } from "./compose-feedback";
import { detectInjection, withoutInstructions } from "./detect-injection";
import { checkFeedback } from "./feedback-check";
import { splitIntoTokens } from "./feedback-tokens";
import { judgeRubric } from "./rubric-verdicts";
import type { TCandidate, TCriterionEvent, TGradeInput, TGrader, TGraderEvent, TGraderStreamEvent } from "./schema";
import { scoreVerdicts } from "./score";
import { judgeSemantic } from "./semantic-verdicts";

// The default grader when an embeddings model is installed or configured: verdicts per criterion
// from multilingual embeddings and the lexical analysis (semantic-verdicts.ts), the score computed
// by code from them, and feedback written token by token by a language model conditioned on the
// question, the rubric, these verdicts and every earlier round. Without a language model for the
// student's language, the feedback is composed from the rubric. A model's feedback is checked
// (feedback-check.ts); when it fails, the composed feedback replaces it, with a notice.

export type TFeedbackToken = { text: string; candidates?: TCandidate[] };
export type TFeedbackContext = TGradeInput & { criteria: TCriterionEvent[]; misconceptions: string[] };

/** Something that writes feedback token by token: a local model, or an OpenAI-compatible server */
export type TFeedbackWriter = {
  model: string;
  /** The languages it writes well enough to be shown to students */
  languages: readonly TLocale[];
  write(context: TFeedbackContext, signal?: AbortSignal): AsyncIterable<TFeedbackToken>;
};

export type TSemanticGraderOptions = {
  embedder: TEmbedder;
  writer?: TFeedbackWriter | null;
  /** The reference answers of the question's sibling open questions, to tell off-topic answers */
  contrast?: (input: TGradeInput) => Promise<readonly string[]>;
  /** Pace of composed feedback, as the built-in grader's */
  paceMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSemanticGrader(options: TSemanticGraderOptions): TGrader {
  const { embedder, writer, paceMs = 0 } = options;
  return {
    name: "semantic",
    async *grade(input, signal): AsyncGenerator<TGraderStreamEvent> {
      const modelName = writer && writer.languages.includes(input.locale) ? `${embedder.name} + ${writer.model}` : embedder.name;
      yield { type: "grader", name: "semantic", model: modelName };
      const contrast = options.contrast ? await options.contrast(input) : [];
      // A flagged answer is judged without its instruction-like sentences (and goes to review)
      const shown = detectInjection(input.answer).flagged ? withoutInstructions(input.answer) : input.answer;
      const judgement = await judgeSemantic(embedder, input.question, shown, contrast);
      const { rubric } = input.question;
      const criteria = judgement.criteria.map((c) => ({ ...c, label: rubric.criteria.find((r) => r.id === c.criterionId)?.description[input.locale] }));
      const misconceptions: TGraderEvent[] = judgement.misconceptions.map((m) => ({ type: "misconception", ...m, label: rubric.misconceptions.find((r) => r.id === m.misconceptionId)?.description[input.locale] }));
      const head: TGraderEvent[] = [...criteria, ...misconceptions];
      yield* head;
      const misconceptionIds = judgement.misconceptions.map((m) => m.misconceptionId);
      const context: TFeedbackContext = { ...input, answer: shown, criteria, misconceptions: misconceptionIds };

      let written = false;
      if (writer && writer.languages.includes(input.locale)) {
        let text = "";
        let problem: string | null = null;
        try {
          for await (const token of writer.write(context, signal)) {
            if (signal?.aborted) return;
            text += token.text;
            yield { type: "token", text: token.text, ...(token.candidates?.length ? { candidates: token.candidates } : {}) };
          }
          problem = checkFeedback(text, input.locale, criteria, input.question.referenceAnswer[input.locale]);
        } catch (error) {
          problem = error instanceof Error ? error.message.slice(0, 200) : "the model failed";
        }
        written = problem === null;
        if (!written) {
          // What the model wrote is taken back; the verdicts stay as they were
          yield { type: "notice", code: "FEEDBACK_REPLACED", detail: problem ?? undefined };
          yield { type: "reset" };
          yield { type: "grader", name: "semantic", model: embedder.name };
          yield* head;
        }
      }
      if (!written) {
        let tokens = 0;
        for (const text of splitIntoTokens(composeFeedback({ ...input, criteria, misconceptionIds }))) {
          if (tokens++ > 0 && paceMs > 0) await sleep(paceMs);
          if (signal?.aborted) return;
          yield { type: "token", text };
        }
      }
      const builtinScore = scoreVerdicts(input.question, judgeRubric(input.question, shown).criteria);
      yield { type: "score", score: scoreVerdicts(input.question, criteria), maxScore: input.question.points, confidence: judgement.confidence, builtinScore };
    },
  };
}
