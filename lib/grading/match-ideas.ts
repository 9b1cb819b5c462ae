import { OPPOSITES } from "./lexicon";
import { analyseText, canonicalTerm, findTerm, type TAnalysis, type TClause, type TTermHit } from "./text-analysis";

// Finding a rubric's phrasings, and ideas derived from a reference answer, in a student's answer.
// A match also says whether the answer asserts the idea or its negation.

export type TMatch = { start: number; end: number; contradicted: boolean };

function negationsBefore(clause: TClause, end: number): number {
  return clause.negations.filter((at) => at < end).length;
}

function spanOf(hits: TTermHit[]): { start: number; end: number } {
  return { start: Math.min(...hits.map((h) => h.start)), end: Math.max(...hits.map((h) => h.end)) };
}

/** `words`: the phrase's terms as written, before synonyms are folded */
export type TPhrase = { text: string; terms: string[]; words: string[]; negations: number };

// Rubric phrasings and reference answers repeat from answer to answer: analyse each once
const phraseCache = new Map<string, TPhrase>();
const ideaCache = new Map<string, TDerivedIdea[]>();
const CACHE_LIMIT = 5000;
function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function analysePhrase(phrase: string): TPhrase {
  return remember(phraseCache, phrase, () => analysePhraseNow(phrase));
}

function analysePhraseNow(phrase: string): TPhrase {
  const analysis = analyseText(phrase);
  return {
    text: analysis.text.replace(/\s+/gu, " ").trim(),
    terms: [...analysis.terms],
    words: [...analysis.words],
    negations: analysis.clauses.reduce((sum, clause) => sum + clause.negations.length, 0),
  };
}

/**
 * The question's own words. A phrase whose terms all restate the question (e.g. "spam or not" for a
 * question about spam filters, or "create" for one about generation) is stated only literally or
 * in words the question does not use: echoing the question is not stating the idea.
 */
export type TPromptWords = { terms: Set<string>; words: Set<string> };

/** The best place where the answer says the phrase: an agreeing match wins over a contradicting one. */
export function findPhrase(answer: TAnalysis, phrase: TPhrase, prompt?: TPromptWords): TMatch | null {
  const restatesPrompt = prompt !== undefined && phrase.terms.every((term) => prompt.terms.has(term));
  let contradiction: TMatch | null = null;
  for (const clause of answer.clauses) {
    let span: { start: number; end: number } | null = null;
    const literal = phrase.text ? clause.text.indexOf(phrase.text) : -1;
    if (literal >= 0) span = { start: clause.start + literal, end: clause.start + literal + phrase.text.length };
    else if (phrase.terms.length > 0) {
      const hits = phrase.terms.map((term) => findTerm(clause, term));
      const found = hits.every((hit) => hit !== null);
      if (found && !(restatesPrompt && (hits as TTermHit[]).every((hit) => prompt.words.has(hit.word)))) span = spanOf(hits as TTermHit[]);
    }
    if (!span) continue;
    // Terms scattered over a long clause are enough to agree with an idea, not to contradict it
    const tight = literal >= 0 || (phrase.terms.length >= 2 && span.end - span.start <= Math.max(12, phrase.text.length * 2));
    const polarity = literal >= 0 ? negationsBefore(clause, span.start) + phrase.negations : negationsBefore(clause, span.end);
    const contradicted = (tight && polarity % 2 !== phrase.negations % 2) || assertsOpposite(clause, phrase.terms);
    if (!contradicted) return { ...span, contradicted };
    contradiction ??= { ...span, contradicted };
  }
  return contradiction;
}

/** The clause also asserts (not negates) the opposite of one of the terms: "it generates a label" */
function assertsOpposite(clause: TClause, terms: string[]): boolean {
  return terms.some((term) =>
    (OPPOSITE.get(term) ?? []).some((opposite) => {
      if (terms.includes(opposite)) return false;
      const hit = findTerm(clause, opposite);
      return hit !== null && negationsBefore(clause, hit.start) % 2 === 0;
    }),
  );
}

// Ideas derived from a reference answer, for questions that have no authored rubric

export type TDerivedIdea = { text: string; terms: { term: string; weight: number }[]; negations: number };

/** Terms that only restate the question count for less: repeating the question is not answering it. */
const QUESTION_TERM_WEIGHT = 0.3;

export function deriveIdeas(reference: string, question: string): TDerivedIdea[] {
  return remember(ideaCache, `${question}\u0000${reference}`, () => deriveIdeasNow(reference, question));
}

function deriveIdeasNow(reference: string, question: string): TDerivedIdea[] {
  const questionTerms = analyseText(question).terms;
  return analyseText(reference)
    .clauses.map((clause) => ({
      text: clause.text.trim(),
      terms: [...clause.terms.keys()].map((term) => ({ term, weight: questionTerms.has(term) ? QUESTION_TERM_WEIGHT : 1 })),
      negations: clause.negations.length,
    }))
    .filter((idea) => idea.terms.reduce((sum, t) => sum + t.weight, 0) >= 1.5);
}

const OPPOSITE = new Map<string, string[]>();
for (const [a, b] of OPPOSITES) {
  for (const [x, y] of [
    [canonicalTerm(a), canonicalTerm(b)],
    [canonicalTerm(b), canonicalTerm(a)],
  ] as const) {
    OPPOSITE.set(x, [...(OPPOSITE.get(x) ?? []), y]);
  }
}

export type TIdeaCoverage = { coverage: number; contradicted: boolean; evidence: { start: number; end: number } | null };

/** How much of an idea the answer states (weighted share of its terms), and whether it states the opposite. */
/** How much of an idea a clause must state before a negation or an opposite in it counts as contradicting */
export type TContradictionOptions = { flipAt: number; oppositeAt: number };
export const CONTRADICTION_DEFAULTS: TContradictionOptions = { flipAt: 0.3, oppositeAt: 0.3 };

export function coverIdea(answer: TAnalysis, idea: TDerivedIdea, options: TContradictionOptions = CONTRADICTION_DEFAULTS): TIdeaCoverage {
  const total = idea.terms.reduce((sum, t) => sum + t.weight, 0);
  const ideaTerms = new Set(idea.terms.map((t) => t.term));
  const found = new Set<string>();
  type TClauseCover = { weight: number; hits: TTermHit[]; opposed: boolean };
  const covers: TClauseCover[] = [];
  for (const clause of answer.clauses) {
    let weight = 0;
    const hits: TTermHit[] = [];
    for (const { term, weight: w } of idea.terms) {
      const hit = findTerm(clause, term);
      if (!hit) continue;
      weight += w;
      hits.push(hit);
      found.add(term);
    }
    if (weight === 0) continue;
    const saysOpposite = idea.terms.some(({ term }) =>
      (OPPOSITE.get(term) ?? []).some((opposite) => !ideaTerms.has(opposite) && findTerm(clause, opposite) && !findTerm(clause, term)),
    );
    const flipped = clause.negations.length % 2 !== idea.negations % 2;
    const share = weight / total;
    covers.push({ weight, hits, opposed: (share >= options.flipAt && flipped) || (share >= options.oppositeAt && saysOpposite) });
  }
  const matched = idea.terms.filter((t) => found.has(t.term)).reduce((sum, t) => sum + t.weight, 0);
  const heaviest = (list: TClauseCover[]) => list.reduce<TClauseCover | null>((best, c) => (!best || c.weight > best.weight ? c : best), null);
  const opposing = heaviest(covers.filter((c) => c.opposed));
  const agreeing = heaviest(covers.filter((c) => !c.opposed));
  const contradicted = opposing !== null && (agreeing === null || opposing.weight >= agreeing.weight);
  const shown = contradicted ? opposing : agreeing;
  return { coverage: matched / total, contradicted, evidence: shown ? spanOf(shown.hits) : null };
}
