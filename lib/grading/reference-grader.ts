import { CONTRADICTION_DEFAULTS, coverIdea, deriveIdeas, type TContradictionOptions } from "./match-ideas";
import type { TOpen } from "@/lib/quiz/schema";

import { judgeRubric } from "./rubric-verdicts";
import { scoreVerdicts } from "./score";
import { analyseText } from "./text-analysis";

// Grading from a question and its reference answers alone (no authored rubric): the reference's
// clauses become the ideas to find. Used by `grader:eval`, whose records carry no rubric.

export type TLabel = "correct" | "contradictory" | "incorrect";

export type TReferenceOptions = TContradictionOptions & {
  /** An idea counts as fully stated once this share of its weighted terms appears */
  fullCoverage: number;
  /** The answer is correct from this average coverage of the reference's ideas */
  correctAt: number;
  /** Contradicted ideas needed to call the answer contradictory */
  contradictions: number;
};

// Chosen on the odd-numbered half of content/grading-eval/lecture-01.jsonl (docs/GRADING.md)
export const REFERENCE_DEFAULTS: TReferenceOptions = { ...CONTRADICTION_DEFAULTS, fullCoverage: 0.7, correctAt: 0.5, contradictions: 2 };

export function classifyByReference(input: { question: string; references: string[]; answer: string }, options: TReferenceOptions = REFERENCE_DEFAULTS) {
  const analysis = analyseText(input.answer);
  let best = { score: 0, contradicted: false };
  for (const reference of input.references) {
    const ideas = deriveIdeas(reference, input.question);
    if (ideas.length === 0) continue;
    const covered = ideas.map((idea) => coverIdea(analysis, idea, options));
    const score = covered.reduce((sum, c) => sum + Math.min(1, c.coverage / options.fullCoverage), 0) / ideas.length;
    const contradicted = covered.filter((c) => c.contradicted).length >= Math.min(options.contradictions, ideas.length);
    if (score > best.score || (score === best.score && !contradicted)) best = { score, contradicted };
  }
  const label: TLabel = best.contradicted ? "contradictory" : best.score >= options.correctAt ? "correct" : "incorrect";
  return { label, ...best };
}

/** The baseline the issue names: share of the reference's words found in the answer, nothing else */
export function classifyByOverlap(input: { references: string[]; answer: string }, threshold: number) {
  const words = (text: string) => new Set([...new Intl.Segmenter("zh-TW", { granularity: "word" }).segment(text.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment));
  const answer = words(input.answer);
  const score = Math.max(0, ...input.references.map((reference) => {
    const ref = words(reference);
    return ref.size === 0 ? 0 : [...ref].filter((w) => answer.has(w)).length / ref.size;
  }));
  return { label: (score >= threshold ? "correct" : "incorrect") as TLabel, score };
}

/**
 * With the question's authored rubric (the product's own path): an answer that states the opposite
 * of a criterion or shows a listed misconception contradicts; two thirds of the points is correct.
 */
export function classifyByRubric(question: TOpen, answer: string) {
  const { criteria, misconceptions } = judgeRubric(question, answer);
  const score = scoreVerdicts(question, criteria);
  const contradicted = criteria.some((c) => c.contradicted) || misconceptions.length > 0;
  const label: TLabel = contradicted ? "contradictory" : score >= (2 / 3) * question.points - 1e-9 ? "correct" : "incorrect";
  return { label, score: score / question.points, contradicted };
}
