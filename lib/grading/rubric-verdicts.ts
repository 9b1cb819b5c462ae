import type { TOpen } from "@/lib/quiz/schema";

import { analysePhrase, coverIdea, deriveIdeas, findPhrase, type TMatch, type TPromptWords } from "./match-ideas";
import type { TCriterionEvent, TEvidence, TVerdict } from "./schema";
import { analyseText, type TAnalysis } from "./text-analysis";

// Verdicts of the built-in grader on an authored rubric: a criterion is met when the answer states
// each of its key ideas (in any of their phrasings, in either language) or closely paraphrases the
// criterion itself; an idea the answer states the opposite of counts as missed and is marked.

type TCriterion = TOpen["rubric"]["criteria"][number];

const PARAPHRASE_MET = 0.7;
const PARAPHRASE_PARTLY = 0.45;

function evidenceOf(answer: string, analysis: TAnalysis, match: { start: number; end: number } | null): TEvidence | null {
  if (!match) return null;
  // Offsets are into the normalised text; they fit the original unless normalising changed its length
  const source = analysis.text.length === answer.length ? answer : analysis.text;
  return { start: match.start, end: match.end, text: source.slice(match.start, match.end).slice(0, 2000) };
}

/**
 * The first phrasing the answer states. A phrasing made only of the question's own words (e.g.
 * "spam or not" for a question about spam filters) must appear as written: mentioning the
 * question's subject is not stating the idea.
 */
function bestMatch(analysis: TAnalysis, phrasings: string[], promptWords: TPromptWords): TMatch | null {
  let contradiction: TMatch | null = null;
  for (const phrasing of phrasings) {
    const match = findPhrase(analysis, analysePhrase(phrasing), promptWords);
    if (match && !match.contradicted) return match;
    contradiction ??= match;
  }
  return contradiction;
}

function paraphraseOf(analysis: TAnalysis, criterion: TCriterion, prompt: string) {
  let best = { coverage: 0, contradicted: false, evidence: null as { start: number; end: number } | null };
  for (const locale of ["zh-TW", "en"] as const) {
    for (const idea of deriveIdeas(criterion.description[locale], prompt)) {
      const covered = coverIdea(analysis, idea);
      if (covered.coverage > best.coverage) best = covered;
    }
  }
  return best;
}

// A question's prompt is analysed once, not once per criterion and answer
const promptWordsCache = new Map<string, TPromptWords>();
function promptWordsOf(prompt: string): TPromptWords {
  let words = promptWordsCache.get(prompt);
  if (!words) {
    if (promptWordsCache.size > 1000) promptWordsCache.clear();
    const analysis = analyseText(prompt);
    words = { terms: analysis.terms, words: analysis.words };
    promptWordsCache.set(prompt, words);
  }
  return words;
}

export function judgeCriterion(answer: string, analysis: TAnalysis, criterion: TCriterion, prompt: string): TCriterionEvent {
  const promptWords = promptWordsOf(prompt);
  const matches = criterion.keyIdeas.map((idea) => bestMatch(analysis, [...idea.phrasings["zh-TW"], ...idea.phrasings.en], promptWords));
  const stated = matches.filter((m): m is TMatch => m !== null && !m.contradicted);
  const contradiction = matches.find((m) => m?.contradicted) ?? null;
  const paraphrase = paraphraseOf(analysis, criterion, prompt);

  let verdict: TVerdict = "missed";
  if (stated.length === matches.length || (!paraphrase.contradicted && paraphrase.coverage >= PARAPHRASE_MET)) verdict = "met";
  else if (stated.length > 0 || (!paraphrase.contradicted && paraphrase.coverage >= PARAPHRASE_PARTLY)) verdict = "partly";
  // A key phrase the answer negates outweighs a loose paraphrase; a paraphrase saying the opposite
  // (e.g. "spam filtering is generation") halves a point earned by a mere keyword
  let contradicted = false;
  if (verdict !== "met" && contradiction !== null) [verdict, contradicted] = ["missed", true];
  else if (paraphrase.contradicted) [verdict, contradicted] = [verdict === "met" && stated.length > 0 ? "partly" : "missed", true];
  const evidence = contradicted ? (contradiction ?? paraphrase.evidence) : (stated[0] ?? paraphrase.evidence);
  return { type: "criterion", criterionId: criterion.id, verdict, contradicted, evidence: verdict === "missed" && !contradicted ? null : evidenceOf(answer, analysis, evidence) };
}

export function judgeRubric(question: TOpen, answer: string) {
  const analysis = analyseText(answer);
  const prompt = `${question.prompt["zh-TW"]} ${question.prompt.en}`;
  const criteria = question.rubric.criteria.map((criterion) => judgeCriterion(answer, analysis, criterion, prompt));
  const misconceptions = question.rubric.misconceptions.flatMap((misconception) => {
    const match = bestMatch(analysis, [...misconception.phrasings["zh-TW"], ...misconception.phrasings.en], promptWordsOf(prompt));
    return match && !match.contradicted ? [{ misconceptionId: misconception.id, evidence: evidenceOf(answer, analysis, match) }] : [];
  });
  return { analysis, criteria, misconceptions };
}
