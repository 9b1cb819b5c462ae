import { parseNumber } from "./parse-number";
import type { TAnswer, TCategorize, TLocalizedText, TNumeric, TQuestion, TSingleChoice } from "./schema";
import { parseKey, withinTolerance } from "./score-numeric";

export type TOutcome = "correct" | "partial" | "incorrect" | "unanswered";

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
};

const UNANSWERED: TLocalizedText = { "zh-TW": "這題沒有作答。", en: "This question was not answered." };

function outcomeOf(score: number, maxScore: number): TOutcome {
  if (score >= maxScore) return "correct";
  return score > 0 ? "partial" : "incorrect";
}

function gradeSingleChoice(question: TSingleChoice, answer: Extract<TAnswer, { type: "single_choice" }>): TGradeResult {
  const correct = question.options.find((option) => option.correct)!;
  const chosen = question.options.find((option) => option.id === answer.optionId);
  if (!chosen) {
    return { score: 0, maxScore: question.points, outcome: "unanswered", feedback: [UNANSWERED], expected: correct.text };
  }
  const score = chosen.correct ? question.points : 0;
  return { score, maxScore: question.points, outcome: outcomeOf(score, question.points), feedback: [chosen.feedback], expected: correct.text };
}

// Proportional credit: each item placed in its category earns an equal share of the points.
function gradeCategorize(question: TCategorize, answer: Extract<TAnswer, { type: "categorize" }>): TGradeResult {
  const label = (id: string | undefined) => question.categories.find((c) => c.id === id)?.label ?? null;
  const items = question.items.map((item) => {
    const placed = answer.placements[item.id];
    return {
      id: item.id,
      text: item.text,
      chosen: label(placed),
      expected: label(item.category)!,
      correct: placed === item.category,
      feedback: item.feedback,
    };
  });
  const answered = items.filter((item) => item.chosen !== null).length;
  const right = items.filter((item) => item.correct).length;
  const score = roundScore((question.points * right) / question.items.length);
  if (answered === 0) {
    return { score: 0, maxScore: question.points, outcome: "unanswered", feedback: [UNANSWERED], items };
  }
  const summary: TLocalizedText = {
    "zh-TW": `${question.items.length} 項中放對了 ${right} 項。`,
    en: `${right} of ${question.items.length} items placed correctly.`,
  };
  return { score, maxScore: question.points, outcome: outcomeOf(score, question.points), feedback: [summary], items };
}

function gradeNumeric(question: TNumeric, answer: Extract<TAnswer, { type: "numeric" }>): TGradeResult {
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
  return {
    ...base,
    score: 0,
    outcome: "incorrect",
    feedback: [mistake?.feedback ?? question.incorrectFeedback],
    reading: parsed.display,
  };
}

function roundScore(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function gradeQuestion(question: TQuestion, answer: TAnswer | undefined): TGradeResult {
  switch (question.type) {
    case "single_choice":
      return gradeSingleChoice(question, answer?.type === "single_choice" ? answer : { type: "single_choice", optionId: null });
    case "categorize":
      return gradeCategorize(question, answer?.type === "categorize" ? answer : { type: "categorize", placements: {} });
    case "numeric":
      return gradeNumeric(question, answer?.type === "numeric" ? answer : { type: "numeric", text: "" });
  }
}
