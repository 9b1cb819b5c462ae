import type { TOpen } from "@/lib/quiz/schema";

import type { TEmbedder } from "@/lib/models/embed";

import { predict, type TLogistic } from "./logistic";
import type { TCriterionEvent, TVerdict } from "./schema";
import { answerFeatures, FEATURE_NAMES, featureVector, type TAnswerFeatures } from "./semantic-features";
import weightsJson from "./semantic-weights.json";

// The semantic grader's verdicts: two fitted logistic models read each criterion's features (see
// semantic-features.ts), one for "at least partly met" and one for "met"; the fitting script is
// scripts/fit-semantic-grader.ts and its output semantic-weights.json. Rules the data cannot
// overrule: a key idea the lexical analysis finds negated or opposed is missed, and an answer that
// is not about the question's subject, or is only a list of terms, earns no criterion outright.

export type TSemanticWeights = {
  embeddings: string;
  fittedOn: string;
  features: readonly string[];
  atLeastPartly: TLogistic;
  met: TLogistic;
  /** Below this margin (closer to another question's reference than this), an answer is off the question's subject */
  minRelevanceMargin: number;
  /** Probability cut-offs for "at least partly" and "met" */
  cutAny: number;
  cutMet: number;
};

/** The reference answers of the other open questions among `questions`, in both languages */
export function contrastFor(question: TOpen, questions: readonly { type: string; uuid: string }[]): string[] {
  return questions.filter((q): q is TOpen => q.type === "open" && q.uuid !== question.uuid).flatMap((q) => [q.referenceAnswer["zh-TW"], q.referenceAnswer.en]);
}

export const SEMANTIC_WEIGHTS = weightsJson as unknown as TSemanticWeights;

export type TSemanticJudgement = {
  criteria: TCriterionEvent[];
  misconceptions: TAnswerFeatures["lexical"]["misconceptions"];
  /** How sure the verdicts are: the least certain criterion's probability of its verdict */
  confidence: number;
  features: TAnswerFeatures;
};

export function decide(features: TAnswerFeatures, weights: TSemanticWeights = SEMANTIC_WEIGHTS) {
  const offTopic = features.relevanceMargin < weights.minRelevanceMargin;
  const keywordList = features.listiness === 1;
  return features.criteria.map((c) => {
    const x = featureVector(features, c);
    const pAny = predict(weights.atLeastPartly, x);
    const pMet = Math.min(pAny, predict(weights.met, x));
    let verdict: TVerdict = pMet >= weights.cutMet ? "met" : pAny >= weights.cutAny ? "partly" : "missed";
    const certainty = verdict === "met" ? pMet : verdict === "partly" ? Math.max(pAny - pMet, 0.5) : 1 - pAny;
    const contradicted = c.contradicted === 1 && verdict !== "met";
    if (contradicted || offTopic || keywordList) verdict = "missed";
    return { criterionId: c.criterionId, verdict, contradicted, certainty, pAny, pMet, evidence: c.evidence };
  });
}

/** `contrast`: the reference answers of the lecture's other open questions (see answerFeatures) */
export async function judgeSemantic(embedder: TEmbedder, question: TOpen, answer: string, contrast: readonly string[] = []): Promise<TSemanticJudgement> {
  if (SEMANTIC_WEIGHTS.features.join() !== FEATURE_NAMES.join()) throw new Error("semantic-weights.json was fitted on other features; run npm run grader:fit");
  const features = await answerFeatures(embedder, question, answer, contrast);
  const decided = decide(features);
  const lexical = new Map(features.lexical.criteria.map((c) => [c.criterionId, c]));
  const criteria: TCriterionEvent[] = decided.map((d) => {
    // A contradiction quotes what the lexical analysis found; otherwise the closest sentence
    const evidence = d.contradicted ? (lexical.get(d.criterionId)?.evidence ?? null) : d.verdict === "missed" || !d.evidence ? null : { start: d.evidence.start, end: d.evidence.end, text: d.evidence.text.slice(0, 2000) };
    return { type: "criterion", criterionId: d.criterionId, verdict: d.verdict, contradicted: d.contradicted, evidence };
  });
  const confidence = Math.round(Math.max(0.1, Math.min(0.95, ...decided.map((d) => d.certainty))) * 100) / 100;
  return { criteria, misconceptions: features.lexical.misconceptions, confidence, features };
}
