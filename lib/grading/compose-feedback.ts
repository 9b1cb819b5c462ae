import type { TLocale } from "@/lib/core/locales";
import type { TOpen } from "@/lib/quiz/schema";

import type { TCriterionEvent, TEvidence, TRound } from "./schema";
import { scoreVerdicts } from "./score";

// The built-in grader's feedback: written from the rubric's own descriptions and authored feedback
// and from the verdicts, and, from the second round on, from what changed since the last round.

const TEXT = {
  "zh-TW": {
    all: "你的答案涵蓋了這題評分標準的每一個重點。",
    none: "你的答案還沒有碰到這題的重點。",
    some: (score: string, total: string) => `你的答案拿到 ${total} 分中的 ${score} 分。`,
    met: (what: string) => `✔ ${what}`,
    quote: (text: string) => `（你寫的「${text}」）`,
    partly: (what: string) => `△ 只做到一部分：${what}`,
    missing: (what: string) => `✘ 還缺少：${what}`,
    contradicted: (quote: string, what: string) => `⚠ 你寫的「${quote}」和這一點正好相反：${what}`,
    nowMet: (what: string) => `這次你補上了：${what}`,
    stillMissing: (what: string) => `和上一版一樣，仍然缺少：${what}`,
    lost: (what: string) => `上一版有提到、這一版卻不見了：${what}`,
    unchanged: "這一版和上一版幾乎一樣；試著補上還缺的部分再送出。",
    sameAsPractice: "交出的答案和你最後一次練習時的版本相同。",
    misconception: (feedback: string) => `💡 ${feedback}`,
  },
  en: {
    all: "Your answer covers every point of this question's rubric.",
    none: "Your answer does not reach the points of this question yet.",
    some: (score: string, total: string) => `Your answer earns ${score} of the ${total} points.`,
    met: (what: string) => `✔ ${what}`,
    quote: (text: string) => ` (you wrote "${text}")`,
    partly: (what: string) => `△ Only partly: ${what}`,
    missing: (what: string) => `✘ Still missing: ${what}`,
    contradicted: (quote: string, what: string) => `⚠ You wrote "${quote}", which says the opposite of this point: ${what}`,
    nowMet: (what: string) => `This time you added: ${what}`,
    stillMissing: (what: string) => `As in your last version, still missing: ${what}`,
    lost: (what: string) => `Your last version had this, this one does not: ${what}`,
    unchanged: "This version is nearly the same as the last one; add what is still missing and send it again.",
    sameAsPractice: "The answer you handed in is the same as your last practice version.",
    misconception: (feedback: string) => `💡 ${feedback}`,
  },
} as const;

const shorten = (evidence: TEvidence | null) => {
  const text = (evidence?.text ?? "").replace(/\s+/gu, " ").trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

export function composeFeedback(input: {
  question: TOpen;
  answer: string;
  criteria: TCriterionEvent[];
  misconceptionIds: string[];
  history: TRound[];
  locale: TLocale;
  final?: boolean;
}): string {
  const { question, criteria, locale } = input;
  const t = TEXT[locale];
  const lines: string[] = [];
  const met = criteria.filter((c) => c.verdict === "met").length;
  // The header states the points the score event will give, never a count of criteria beside it
  const score = scoreVerdicts(question, criteria);
  const points = (n: number) => String(Math.round(n * 100) / 100);
  lines.push(met === criteria.length ? t.all : criteria.every((c) => c.verdict === "missed") ? t.none : t.some(points(score), points(question.points)));

  const previous = input.history.at(-1);
  const before = new Map(previous?.criteria.map((c) => [c.criterionId, c.verdict]) ?? []);
  // After submitting there is nothing left to send: no invitation to revise
  if (previous && previous.answer.trim() === input.answer.trim()) lines.push(input.final ? t.sameAsPractice : t.unchanged);

  for (const verdict of criteria) {
    const criterion = question.rubric.criteria.find((c) => c.id === verdict.criterionId);
    if (!criterion) continue;
    const what = criterion.description[locale];
    const was = before.get(verdict.criterionId);
    if (verdict.contradicted) lines.push(t.contradicted(shorten(verdict.evidence), what));
    else if (verdict.verdict === "met") {
      const quote = shorten(verdict.evidence);
      lines.push(previous && was !== "met" ? t.nowMet(what) : `${t.met(what)}${quote ? t.quote(quote) : ""}`);
    } else if (verdict.verdict === "partly") lines.push(t.partly(criterion.feedbackMissing?.[locale] ?? what));
    else if (previous && was === "met") lines.push(t.lost(what));
    else if (previous && was) lines.push(t.stillMissing(criterion.feedbackMissing?.[locale] ?? what));
    else lines.push(t.missing(criterion.feedbackMissing?.[locale] ?? what));
  }
  for (const id of input.misconceptionIds) {
    const misconception = question.rubric.misconceptions.find((m) => m.id === id);
    if (misconception) lines.push(t.misconception(misconception.feedback[locale]));
  }
  return lines.join("\n");
}
