import { normaliseText } from "./normalise-text";
import { parseNumber } from "./parse-number";
import type {
  TAnswer, TCategorize, TLocalizedText, TMultipleSelect, TNextToken, TNumeric, TOrdering, TQuestion, TShortText, TSingleChoice,
} from "./schema";
import { parseKey, withinTolerance } from "./score-numeric";

export type TOutcome = "correct" | "partial" | "incorrect" | "unanswered" | "awaiting_grading";

export type TItemResult = {
  id: string;
  text: TLocalizedText;
  chosen: TLocalizedText | null;
  expected: TLocalizedText;
  correct: boolean;
  feedback: TLocalizedText;
};

// Stored as the grade's feedback and shown on the result page; it holds the keys, so it is
// only ever sent once the attempt is submitted.
export type TGradeResult = {
  score: number;
  maxScore: number;
  outcome: TOutcome;
  feedback: TLocalizedText[];
  items?: TItemResult[];
  /** How a numeric answer was read */
  reading?: string;
  expected?: TLocalizedText | string;
  /** For ordering: the key's order of item texts */
  expectedOrder?: TLocalizedText[];
};

type TAnswerOf<K extends TAnswer["type"]> = Extract<TAnswer, { type: K }>;

const UNANSWERED: TLocalizedText = { "zh-TW": "這題沒有作答。", en: "This question was not answered." };

function outcomeOf(score: number, maxScore: number): TOutcome {
  if (score >= maxScore - 1e-9) return "correct";
  return score > 0 ? "partial" : "incorrect";
}

function roundScore(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function percent(probability: number): string {
  return `${Math.round(probability * 100)}%`;
}

function gradeSingleChoice(question: TSingleChoice, answer: TAnswerOf<"single_choice">): TGradeResult {
  const correct = question.options.find((option) => option.correct)!;
  const chosen = question.options.find((option) => option.id === answer.optionId);
  if (!chosen) return { score: 0, maxScore: question.points, outcome: "unanswered", feedback: [UNANSWERED], expected: correct.text };
  const score = chosen.correct ? question.points : 0;
  return { score, maxScore: question.points, outcome: outcomeOf(score, question.points), feedback: [chosen.feedback], expected: correct.text };
}

// The rules are stated to the student next to the question (see quiz.scoring_* messages).
function gradeMultipleSelect(question: TMultipleSelect, answer: TAnswerOf<"multiple_select">): TGradeResult {
  const picked = new Set(answer.optionIds);
  const correctCount = question.options.filter((o) => o.correct).length;
  const items = question.options.map((option) => ({
    id: option.id,
    text: option.text,
    chosen: null,
    expected: option.text,
    correct: picked.has(option.id) === option.correct,
    feedback: option.feedback,
  }));
  const base = { maxScore: question.points, items, expected: undefined };
  if (picked.size === 0) return { ...base, score: 0, outcome: "unanswered", feedback: [UNANSWERED] };
  let fraction: number;
  if (question.scoring === "all_or_nothing") fraction = items.every((item) => item.correct) ? 1 : 0;
  else if (question.scoring === "per_option") fraction = items.filter((item) => item.correct).length / items.length;
  else {
    const right = question.options.filter((o) => o.correct && picked.has(o.id)).length;
    const wrong = question.options.filter((o) => !o.correct && picked.has(o.id)).length;
    fraction = Math.max(0, (right - wrong) / correctCount);
  }
  const score = roundScore(question.points * fraction);
  const chosenFeedback = question.options.filter((o) => picked.has(o.id)).map((o) => o.feedback);
  return { ...base, score, outcome: outcomeOf(score, question.points), feedback: chosenFeedback };
}

// Proportional credit: each item placed in its category earns an equal share of the points.
function gradeCategorize(question: TCategorize, answer: TAnswerOf<"categorize">): TGradeResult {
  const label = (id: string | undefined) => question.categories.find((c) => c.id === id)?.label ?? null;
  const items = question.items.map((item) => {
    const placed = answer.placements[item.id];
    return { id: item.id, text: item.text, chosen: label(placed), expected: label(item.category)!, correct: placed === item.category, feedback: item.feedback };
  });
  const right = items.filter((item) => item.correct).length;
  const score = roundScore((question.points * right) / question.items.length);
  if (items.every((item) => item.chosen === null)) return { score: 0, maxScore: question.points, outcome: "unanswered", feedback: [UNANSWERED], items };
  const summary: TLocalizedText = {
    "zh-TW": `${question.items.length} 項中放對了 ${right} 項。`,
    en: `${right} of ${question.items.length} items placed correctly.`,
  };
  return { score, maxScore: question.points, outcome: outcomeOf(score, question.points), feedback: [summary], items };
}

// pairs: the share of item pairs whose relative order matches the key (Kendall's tau as credit).
function gradeOrdering(question: TOrdering, answer: TAnswerOf<"ordering">): TGradeResult {
  const keyOrder = question.items.map((item) => item.id);
  const expectedOrder = question.items.map((item) => item.text);
  const valid = answer.order.length === keyOrder.length && keyOrder.every((id) => answer.order.includes(id));
  const base = { maxScore: question.points, expectedOrder };
  if (!valid) return { ...base, score: 0, outcome: "unanswered", feedback: [UNANSWERED] };
  const position = new Map(answer.order.map((id, index) => [id, index]));
  let pairs = 0;
  let right = 0;
  for (let i = 0; i < keyOrder.length; i++) {
    for (let j = i + 1; j < keyOrder.length; j++) {
      pairs++;
      if (position.get(keyOrder[i]!)! < position.get(keyOrder[j]!)!) right++;
    }
  }
  const fraction = question.scoring === "all_or_nothing" ? (right === pairs ? 1 : 0) : right / pairs;
  const score = roundScore(question.points * fraction);
  const outcome = outcomeOf(score, question.points);
  return { ...base, score, outcome, feedback: [outcome === "correct" ? question.correctFeedback : question.incorrectFeedback] };
}

function gradeNumeric(question: TNumeric, answer: TAnswerOf<"numeric">): TGradeResult {
  const key = parseKey(question.answer);
  const base = { maxScore: question.points, expected: key.display };
  const parsed = parseNumber(answer.text);
  if (!parsed.ok) {
    if (parsed.reason === "empty") return { ...base, score: 0, outcome: "unanswered", feedback: [UNANSWERED] };
    const unreadable: TLocalizedText = {
      "zh-TW": `無法把「${answer.text}」讀成數字，所以這題不給分。`,
      en: `"${answer.text}" could not be read as a number, so this answer earns no points.`,
    };
    return { ...base, score: 0, outcome: "incorrect", feedback: [unreadable] };
  }
  if (withinTolerance(parsed, key, question.tolerance)) {
    return { ...base, score: question.points, outcome: "correct", feedback: [question.correctFeedback], reading: parsed.display };
  }
  const mistake = question.commonMistakes.find((m) => withinTolerance(parsed, parseKey(m.answer), question.tolerance));
  return { ...base, score: 0, outcome: "incorrect", feedback: [mistake?.feedback ?? question.incorrectFeedback], reading: parsed.display };
}

function gradeShortText(question: TShortText, answer: TAnswerOf<"short_text">): TGradeResult {
  const given = normaliseText(answer.text);
  const base = { maxScore: question.points, expected: question.accepted[0] };
  if (given === "") return { ...base, score: 0, outcome: "unanswered", feedback: [UNANSWERED] };
  const ok = question.accepted.some((accepted) => normaliseText(accepted) === given) || question.patterns.some((pattern) => new RegExp(pattern, "u").test(given));
  return ok
    ? { ...base, score: question.points, outcome: "correct", feedback: [question.correctFeedback] }
    : { ...base, score: 0, outcome: "incorrect", feedback: [question.incorrectFeedback] };
}

/**
 * The candidate a typed continuation stands for: one written exactly, else the longest candidate
 * whose Chinese token the typed text begins with (「玉山」 begins with the token 「玉」: the model's
 * next token is 玉).
 */
function typedCandidate(question: TNextToken, typed: string): TNextToken["candidates"][number] | undefined {
  const forms = (c: TNextToken["candidates"][number]) => [normaliseText(c.token["zh-TW"]), normaliseText(c.token.en)].filter(Boolean);
  const exact = question.candidates.find((c) => forms(c).includes(typed));
  if (exact) return exact;
  // Chinese only: an English word that merely begins like a candidate ("mattress", "mat") is another word
  const prefixes = question.candidates.flatMap((c) => {
    const form = normaliseText(c.token["zh-TW"]);
    return form && /\p{Script=Han}/u.test(form) && typed.startsWith(form) ? [{ c, length: form.length }] : [];
  });
  return prefixes.sort((a, b) => b.length - a.length)[0]?.c;
}

function gradeNextToken(question: TNextToken, answer: TAnswerOf<"next_token">): TGradeResult {
  const typed = normaliseText(answer.typed ?? "");
  const candidate = question.candidates.find((c) => c.id === answer.candidateId) ?? (typed ? typedCandidate(question, typed) : undefined);
  const best = [...question.candidates].sort((a, b) => b.probability - a.probability)[0]!;
  const base = { maxScore: question.points, expected: best.token };
  if (!candidate && !typed) return { ...base, score: 0, outcome: "unanswered", feedback: [UNANSWERED] };
  if (!candidate) {
    const rest = roundScore(1 - question.candidates.reduce((sum, c) => sum + c.probability, 0));
    const feedback: TLocalizedText = {
      "zh-TW": `「${answer.typed}」不在這題列出的選項裡；依示意機率，這些選項以外的所有 token 加起來只有約 ${percent(rest)}。示意機率最高的是「${best.token["zh-TW"]}」（約 ${percent(best.probability)}）。`,
      en: `"${answer.typed}" is not among the listed candidates; in the illustrative numbers, all tokens outside them share only about ${percent(rest)}. The likeliest there is "${best.token.en}" (about ${percent(best.probability)}).`,
    };
    return { ...base, score: 0, outcome: "incorrect", feedback: [feedback] };
  }
  // The YAML numbers are the author's illustration, not a model's output: said so in every sentence
  const plausible = candidate.probability >= question.plausibleAt;
  const explanation: TLocalizedText = plausible
    ? {
        "zh-TW": `依示意機率，「${candidate.token["zh-TW"]}」約有 ${percent(candidate.probability)}，是合理的下一個 token。${candidate === best ? "這也是示意機率最高的一個。" : `示意機率最高的是「${best.token["zh-TW"]}」（約 ${percent(best.probability)}），但抽樣時機率較低的 token 也可能被選中。`}`,
        en: `In the illustrative numbers "${candidate.token.en}" has about ${percent(candidate.probability)}, a plausible next token.${candidate === best ? " It is also the likeliest one there." : ` The likeliest there is "${best.token.en}" (about ${percent(best.probability)}), but sampling can pick a less likely token too.`}`,
      }
    : {
        "zh-TW": `依示意機率，「${candidate.token["zh-TW"]}」只有約 ${percent(candidate.probability)}，不太可能接在這裡；示意機率最高的是「${best.token["zh-TW"]}」（約 ${percent(best.probability)}）。`,
        en: `In the illustrative numbers "${candidate.token.en}" has only about ${percent(candidate.probability)}, so it is an unlikely continuation; the likeliest there is "${best.token.en}" (about ${percent(best.probability)}).`,
      };
  const score = plausible ? question.points : 0;
  return { ...base, score, outcome: outcomeOf(score, question.points), feedback: [explanation, ...(candidate.feedback ? [candidate.feedback] : [])] };
}

const AWAITING: TLocalizedText = {
  "zh-TW": "你的回答已儲存，等待依評分規準批改。",
  en: "Your answer is saved and waiting to be graded against the rubric.",
};

export function gradeQuestion(question: TQuestion, answer: TAnswer | undefined): TGradeResult {
  const as = <K extends TAnswer["type"]>(type: K, fallback: TAnswerOf<K>): TAnswerOf<K> => (answer?.type === type ? (answer as TAnswerOf<K>) : fallback);
  switch (question.type) {
    case "single_choice":
      return gradeSingleChoice(question, as("single_choice", { type: "single_choice", optionId: null }));
    case "multiple_select":
      return gradeMultipleSelect(question, as("multiple_select", { type: "multiple_select", optionIds: [] }));
    case "categorize":
      return gradeCategorize(question, as("categorize", { type: "categorize", placements: {} }));
    case "ordering":
      return gradeOrdering(question, as("ordering", { type: "ordering", order: [] }));
    case "numeric":
      return gradeNumeric(question, as("numeric", { type: "numeric", text: "" }));
    case "short_text":
      return gradeShortText(question, as("short_text", { type: "short_text", text: "" }));
    case "next_token":
      return gradeNextToken(question, as("next_token", { type: "next_token", candidateId: null, typed: "" }));
    case "open": {
      const text = as("open", { type: "open", text: "" }).text.trim();
      if (!text) return { score: 0, maxScore: question.points, outcome: "unanswered", feedback: [UNANSWERED] };
      return { score: 0, maxScore: question.points, outcome: "awaiting_grading", feedback: [AWAITING] };
    }
  }
}
