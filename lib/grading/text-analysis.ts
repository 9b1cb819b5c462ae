import { stemmer } from "stemmer";

import { EN_NEGATIONS, EN_STOPWORDS, SYNONYM_GROUPS, ZH_EXTRA_NEGATIONS, ZH_NEGATION_CHARS, ZH_NOT_NEGATIONS, ZH_STOPWORDS } from "./lexicon";

// Splits an answer into clauses and terms for the built-in grader: Chinese words with
// Intl.Segmenter, English words stemmed (Porter, via `stemmer`), synonyms folded to one term, and
// the positions of negations so that "is not classification" is told apart from "is classification".

const segmenter = new Intl.Segmenter("zh-TW", { granularity: "word" });
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

const CANONICAL = new Map<string, string>();
const VARIANTS = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) CANONICAL.set(word, group[0]!);
  VARIANTS.set(group[0]!, group);
}

/** `word`: the answer's word as written (stemmed), before synonyms are folded */
export type TTermHit = { start: number; end: number; word: string };
export type TClause = {
  start: number;
  end: number;
  text: string;
  /** Canonical term → where it occurs in the clause (offsets into the whole text) */
  terms: Map<string, TTermHit>;
  /** Offsets of negating words */
  negations: number[];
  /** The clause's terms as written, before synonyms are folded */
  words: Set<string>;
};
/** `words` holds the terms as written (stemmed, not folded into synonyms) */
export type TAnalysis = { text: string; clauses: TClause[]; terms: Set<string>; words: Set<string> };

export function normaliseForMatching(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[’‘`´]/gu, "'");
}

export function canonicalTerm(term: string): string {
  return CANONICAL.get(term) ?? term;
}

export function isHan(term: string): boolean {
  return HAN.test(term);
}

const CLAUSE_BREAK = /[。！？；，、,!?;:：\n()（）「」『』"]+|\.(?=\s|$)|\b(?=(?:because|since|but|so|while|whereas|and|although|though|however|therefore)\b)|(?=因為|所以|但是|而是|然而|因此|可是|不過)/giu;

function clauseRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    const at = match.index;
    if (at > start) ranges.push([start, at]);
    start = at + match[0].length;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges.filter(([from, to]) => text.slice(from, to).trim() !== "");
}

/** 準不準, 是不是, 有沒有, 可不可以: an A-not-A question asks, it does not negate */
function isANotA(text: string, at: number): boolean {
  const before = text[at - 1];
  return before !== undefined && before === text[at + 1] && /\p{Script=Han}/u.test(before);
}

function zhNegations(text: string, offset: number): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(ZH_NEGATION_CHARS)) {
    const at = match.index;
    if (isANotA(text, at)) continue;
    const inWord = ZH_NOT_NEGATIONS.some((word) => {
      const i = word.indexOf(match[0]);
      return i >= 0 && text.startsWith(word, at - i);
    });
    if (!inWord) found.push(offset + at);
  }
  for (const word of ZH_EXTRA_NEGATIONS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) found.push(offset + at);
  }
  return found;
}

function englishWord(word: string): { term: string | null; negation: boolean } {
  if (word.endsWith("n't")) return { term: null, negation: true };
  if (EN_NEGATIONS.has(word)) return { term: null, negation: true };
  if (EN_STOPWORDS.has(word)) return { term: null, negation: false };
  return { term: stemmer(word), negation: false };
}

function zhWord(word: string): string | null {
  const stripped = ZH_NOT_NEGATIONS.some((w) => word.includes(w)) ? word : word.replace(ZH_NEGATION_CHARS, "");
  if (!stripped || ZH_STOPWORDS.has(stripped) || ZH_EXTRA_NEGATIONS.includes(stripped) || stripped === "法" || stripped === "辦法") return null;
  return stripped;
}

/**
 * Intl.Segmenter's dictionary segmentation of Chinese grows faster than the text's length, so a long
 * run is segmented in windows of at most WINDOW characters, cut after a space or punctuation where
 * one is near: the whole answer then costs time in proportion to its length.
 */
const WINDOW = 80;
function segmentWords(slice: string): { segment: string; index: number }[] {
  const words: { segment: string; index: number }[] = [];
  for (let from = 0; from < slice.length; ) {
    let to = Math.min(slice.length, from + WINDOW);
    if (to < slice.length) {
      const space = slice.lastIndexOf(" ", to);
      if (space > from + WINDOW / 2) to = space + 1;
    }
    for (const s of segmenter.segment(slice.slice(from, to))) if (s.isWordLike) words.push({ segment: s.segment, index: from + s.index });
    from = to;
  }
  return words;
}

function analyseClause(text: string, start: number, end: number): TClause {
  const slice = text.slice(start, end);
  const terms = new Map<string, TTermHit>();
  const written = new Set<string>();
  const negations = zhNegations(slice, start);
  const words = segmentWords(slice);
  // "too many to list" says the listing cannot be done: a "too" counts when a "to" follows it
  let lastTo = -1;
  words.forEach((w, index) => {
    if (w.segment === "to") lastTo = index;
  });
  words.forEach((segment, index) => {
    const at = start + segment.index;
    const add = (word: string | null) => {
      if (!word) return;
      written.add(word);
      const term = canonicalTerm(word);
      if (!terms.has(term)) terms.set(term, { start: at, end: at + segment.segment.length, word });
    };
    if (HAN.test(segment.segment)) return add(zhWord(segment.segment));
    const word = segment.segment;
    const tooTo = word === "too" && lastTo > index;
    const { term, negation } = LETTER.test(word) ? englishWord(word) : { term: word, negation: false };
    if (negation || tooTo) negations.push(at);
    add(term);
  });
  negations.sort((a, b) => a - b);
  return { start, end, text: slice, terms, negations, words: written };
}

export function analyseText(input: string): TAnalysis {
  const text = normaliseForMatching(input);
  const clauses = clauseRanges(text).map(([from, to]) => analyseClause(text, from, to));
  const terms = new Set(clauses.flatMap((clause) => [...clause.terms.keys()]));
  const words = new Set(clauses.flatMap((clause) => [...clause.words]));
  return { text, clauses, terms, words };
}

/** Where a term occurs in a clause: its own words, or for Chinese any spelling of it in the text. */
export function findTerm(clause: TClause, term: string): TTermHit | null {
  const own = clause.terms.get(term);
  if (own) return own;
  if (!isHan(term)) return null;
  for (const variant of VARIANTS.get(term) ?? [term]) {
    if (variant.length < 2 || !isHan(variant)) continue;
    const at = clause.text.indexOf(variant);
    if (at >= 0) return { start: clause.start + at, end: clause.start + at + variant.length, word: variant };
  }
  return null;
}
