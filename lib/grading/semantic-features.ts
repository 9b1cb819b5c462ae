import type { TOpen } from "@/lib/quiz/schema";

import { cosine, embedCached, type TEmbedder } from "@/lib/models/embed";

import { exemplarVotes } from "./exemplars";
import { judgeRubric } from "./rubric-verdicts";
import type { TCriterionEvent } from "./schema";
import { analyseText } from "./text-analysis";

// What the semantic grader knows about an answer, per rubric criterion: how close the answer's
// sentences come (in multilingual e5 embeddings, across zh-TW and English) to the criterion's
// description and to each of its key ideas, what the lexical analysis says (stated, negated,
// opposed), and whether the answer is about the question's subject at all and written as an
// explanation rather than a list of terms. A fitted logistic model turns these into verdicts.

type TCriterion = TOpen["rubric"]["criteria"][number];

/** At most this many pieces of an answer are embedded: a long answer costs bounded time */
const MAX_UNITS = 40;
const MAX_UNIT_CHARS = 400;

export type TUnit = { start: number; end: number; text: string };

/**
 * The answer's sentences, and the clauses of sentences that have more than one. The whole answer
 * is represented by the mean of its sentences' vectors (embedding it again would cost as much as
 * all its sentences together).
 */
export function answerUnits(answer: string): { units: TUnit[]; sentences: number } {
  const units: TUnit[] = [];
  const seen = new Set<string>();
  const add = (start: number, end: number) => {
    const text = answer.slice(start, end).trim();
    if (text.length < 2 || seen.has(text) || units.length >= MAX_UNITS) return false;
    seen.add(text);
    units.push({ start, end, text: text.slice(0, MAX_UNIT_CHARS) });
    return true;
  };
  const sentences: [number, number][] = [];
  for (const m of answer.matchAll(/[^。！？!?；;\n]+(?:[。！？!?；;\n]+|$)|[^.]+(?:\.(?=\s|$))/gu)) {
    // A sentence longer than a unit is cut into units
    for (let from = m.index; from < m.index + m[0].length; from += MAX_UNIT_CHARS) sentences.push([from, Math.min(m.index + m[0].length, from + MAX_UNIT_CHARS)]);
  }
  for (const [start, end] of sentences) add(start, end);
  const count = units.length;
  const analysis = analyseText(answer);
  // Offsets of the analysis are into the normalised text; they fit the answer when lengths agree
  if (analysis.text.length === answer.length) {
    for (const [start, end] of sentences) {
      const inside = analysis.clauses.filter((c) => c.start >= start && c.end <= end);
      if (inside.length > 1) for (const c of inside) add(c.start, c.end);
    }
  }
  if (units.length === 0 && answer.trim()) add(0, Math.min(answer.length, MAX_UNIT_CHARS));
  return { units, sentences: Math.max(1, count) };
}

export type TCriterionFeatures = {
  criterionId: string;
  /** Closest answer piece to the criterion's description (either language) */
  description: number;
  /** Over the key ideas: the mean, and the lowest, of each idea's closest match */
  ideaMean: number;
  ideaMin: number;
  ideaMax: number;
  /** How the nearest graded exemplars of the question did on this criterion (0–1; 0.5 without exemplars) */
  exemplarVote: number;
  /** The built-in grader's verdict as credit (1, 0.5, 0) and whether it found the idea negated or opposed */
  lexical: number;
  contradicted: number;
  /** The piece closest to the description has more or fewer negations than the description (parity) */
  negationFlip: number;
  /** Where the best match is, for the evidence shown to the student */
  evidence: TUnit | null;
};

export type TAnswerFeatures = {
  /** The whole answer against the reference answer: is it about the question's subject? */
  relevance: number;
  /** How much closer the answer is to this question's reference than to the other questions' (an answer to another question is off-topic) */
  relevanceMargin: number;
  /** The answer is a list of terms, not an explanation (1) or not (0) */
  listiness: number;
  /** log2 of the number of content terms + 1 */
  length: number;
  /** Similarity to the nearest graded exemplar (0 without exemplars) */
  exemplarNearest: number;
  criteria: TCriterionFeatures[];
  lexical: { criteria: TCriterionEvent[]; misconceptions: { misconceptionId: string; evidence: TCriterionEvent["evidence"] }[] };
};

const LIST_SEPARATORS = /\s*(?:[、,，;；/／|—–\n]|\s-\s)\s*/u;
const EN_WORD = /[a-z][a-z'’-]*/giu;
const FUNCTION_WORDS = /^(?:a|an|the|it|its|is|are|was|be|to|of|in|on|for|by|with|that|this|which|so|because|and|then|each|every|can|will|when|what|how|they|them|从|的|了|是|在|會|要|把|被|就|都|也|它|他|她|我|你|讓|用|為|因為|所以|而|並|如果|只|才|能|可以)$/iu;
const zhSegmenter = new Intl.Segmenter("zh-TW", { granularity: "word" });

/**
 * A list of terms rather than an explanation: three or more short pieces between separators
 * (、 / ; commas, dashes), and hardly any function words (it, to, the, 是, 的, 會 …) to join them.
 */
export function isKeywordList(answer: string): boolean {
  const pieces = answer.trim().replace(/[。.!！?？]+$/u, "").split(LIST_SEPARATORS).filter((p) => p.trim());
  if (pieces.length < 3 || /[。！？!?]|\.\s/u.test(answer.trim().replace(/[。.!！?？]+$/u, ""))) return false;
  let words = 0;
  let functionWords = 0;
  for (const piece of pieces) {
    const pieceWords = [...zhSegmenter.segment(piece.slice(0, 200))].filter((s) => s.isWordLike).map((s) => s.segment);
    const english = piece.match(EN_WORD)?.length ?? 0;
    if (english > 5 || (english === 0 && piece.replace(/\s/gu, "").length > 12)) return false;
    words += pieceWords.length;
    functionWords += pieceWords.filter((w) => FUNCTION_WORDS.test(w)).length;
  }
  return words > 0 && functionWords / words <= 0.12;
}

const NEG = /[不沒没無无非未別别]|\bnot\b|n't\b|\bnever\b|\bcannot\b|\bno\b|impossible|unable/giu;
function negationParity(text: string): number {
  return (text.match(NEG)?.length ?? 0) % 2;
}

function meanVector(vectors: Float32Array[]): Float32Array {
  const sum = new Float32Array(vectors[0]!.length);
  for (const v of vectors) v.forEach((x, i) => (sum[i]! += x));
  const norm = Math.hypot(...sum) || 1;
  return sum.map((x) => x / norm);
}

function best(units: Float32Array[], anchors: Float32Array[]): { sim: number; unit: number; anchor: number } {
  let top = { sim: -1, unit: -1, anchor: -1 };
  units.forEach((u, i) =>
    anchors.forEach((a, j) => {
      const sim = cosine(u, a);
      if (sim > top.sim) top = { sim, unit: i, anchor: j };
    }),
  );
  return top;
}

function anchorsOf(criterion: TCriterion) {
  return {
    description: [criterion.description["zh-TW"], criterion.description.en],
    ideas: criterion.keyIdeas.map((idea) => [...idea.phrasings["zh-TW"], ...idea.phrasings.en]),
  };
}

/**
 * `contrast`: reference answers of the lecture's other open questions. An answer closer to one of
 * them than to this question's own reference is about something else.
 */
/** The vector the grader compares whole answers by: the mean of the answer's sentences */
export async function answerVectors(embedder: TEmbedder, answers: string[]): Promise<Float32Array[]> {
  const pieces = answers.map((a) => answerUnits(a));
  const flat = pieces.flatMap((p) => p.units.slice(0, p.sentences).map((u) => u.text));
  const vectors = flat.length ? await embedder.embed(flat, "query") : [];
  let at = 0;
  return pieces.map((p) => {
    const n = Math.min(p.sentences, p.units.length);
    const mine = vectors.slice(at, at + n);
    at += n;
    return mine.length ? meanVector(mine) : new Float32Array(embedderDims(vectors));
  });
}
const embedderDims = (vectors: Float32Array[]) => vectors[0]?.length ?? 384;

export async function answerFeatures(embedder: TEmbedder, question: TOpen, answer: string, contrast: readonly string[] = [], options: { excludeExemplar?: string } = {}): Promise<TAnswerFeatures> {
  const lexical = judgeRubric(question, answer);
  const { units, sentences } = answerUnits(answer);
  const listiness = isKeywordList(answer) ? 1 : 0;
  const length = Math.log2(lexical.analysis.terms.size + 1);
  const empty = units.length === 0;
  const unitVectors = empty ? [] : await embedder.embed(units.map((u) => u.text), "query");
  const references = await embedCached(embedder, [question.referenceAnswer["zh-TW"], question.referenceAnswer.en, question.prompt["zh-TW"], question.prompt.en], "query");
  const others = await embedCached(embedder, [...contrast], "query");
  const whole = empty ? null : meanVector(unitVectors.slice(0, sentences));
  const relevance = whole ? Math.max(...references.map((r) => cosine(whole, r))) : 0;
  const relevanceMargin = whole && others.length ? relevance - Math.max(...others.map((o) => cosine(whole, o))) : 0;
  const exemplars = whole ? await exemplarVotes(embedder, question.uuid, whole, (texts) => answerVectors(embedder, texts), { exclude: options.excludeExemplar }) : null;

  const criteria: TCriterionFeatures[] = [];
  for (const criterion of question.rubric.criteria) {
    const anchors = anchorsOf(criterion);
    const lex = lexical.criteria.find((c) => c.criterionId === criterion.id)!;
    const descriptionVectors = await embedCached(embedder, anchors.description, "query");
    const ideaSims: number[] = [];
    for (const phrasings of anchors.ideas) {
      const vectors = await embedCached(embedder, phrasings, "query");
      ideaSims.push(empty ? 0 : best(unitVectors, vectors).sim);
    }
    const top = empty ? { sim: 0, unit: -1, anchor: -1 } : best(unitVectors, descriptionVectors);
    const unit = top.unit >= 0 ? units[top.unit]! : null;
    criteria.push({
      criterionId: criterion.id,
      description: top.sim,
      ideaMean: ideaSims.reduce((a, b) => a + b, 0) / Math.max(1, ideaSims.length),
      ideaMin: Math.min(...ideaSims),
      ideaMax: Math.max(...ideaSims),
      exemplarVote: exemplars?.votes.get(criterion.id) ?? 0.5,
      lexical: lex.verdict === "met" ? 1 : lex.verdict === "partly" ? 0.5 : 0,
      contradicted: lex.contradicted ? 1 : 0,
      negationFlip: unit && negationParity(unit.text) !== negationParity(anchors.description[top.anchor]!) ? 1 : 0,
      evidence: unit,
    });
  }
  return { relevance, relevanceMargin, listiness, length, exemplarNearest: exemplars?.nearest ?? 0, criteria, lexical: { criteria: lexical.criteria, misconceptions: lexical.misconceptions } };
}

/** The numbers the fitted model reads, in a fixed order */
export const FEATURE_NAMES = ["description", "ideaMean", "ideaMin", "ideaMax", "lexical", "contradicted", "negationFlip", "relevance", "relevanceMargin", "length", "exemplarVote", "exemplarNearest"] as const;

export function featureVector(answer: TAnswerFeatures, criterion: TCriterionFeatures): number[] {
  return [
    criterion.description,
    criterion.ideaMean,
    criterion.ideaMin,
    criterion.ideaMax,
    criterion.lexical,
    criterion.contradicted,
    criterion.negationFlip,
    answer.relevance,
    answer.relevanceMargin,
    answer.length,
    criterion.exemplarVote,
    answer.exemplarNearest,
  ];
}
