import { coverIdea, deriveIdeas } from "./match-ideas";
import { analyseText } from "./text-analysis";

// Grading from a question and its reference answers alone (no authored rubric): the reference's
// clauses become the ideas to find. Used by `grader:eval`, whose records carry no rubric.

export type TLabel = "correct" | "contradictory" | "incorrect";

/** An idea counts as fully stated once this share of its weighted terms appears */
const FULL_COVERAGE = 0.6;
export const CORRECT_AT = 0.4;

export function classifyByReference(input: { question: string; references: string[]; answer: string }) {
  const analysis = analyseText(input.answer);
  let best = { score: 0, contradicted: false };
  for (const reference of input.references) {
    const ideas = deriveIdeas(reference, input.question);
    if (ideas.length === 0) continue;
    const covered = ideas.map((idea) => coverIdea(analysis, idea));
    const score = covered.reduce((sum, c) => sum + Math.min(1, c.coverage / FULL_COVERAGE), 0) / ideas.length;
    const contradicted = covered.some((c) => c.contradicted);
    if (score > best.score || (score === best.score && !contradicted)) best = { score, contradicted };
  }
  const label: TLabel = best.contradicted ? "contradictory" : best.score >= CORRECT_AT ? "correct" : "incorrect";
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
