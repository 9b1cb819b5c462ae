import type { TLocale } from "@/lib/core/locales";

import type { TCriterionEvent } from "./schema";

// A model's feedback is checked before it counts: written in the student's language, of a sensible
// length, and claiming nothing the verdicts contradict (full marks when a point is missing, a score
// of its own). When a check fails, the composed feedback takes over, with a notice.

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/gu;
/** Characters that exist only in Simplified Chinese: a zh-TW student is not shown them */
const SIMPLIFIED_ONLY = /[们这说为们时会来对过还进动发么个们没经样应实现问题点学习让给]/u;

const PRAISE_ALL = {
  "zh-TW": /(?<![不非沒])(?:完全正確|全部正確|滿分|每一個重點都|所有重點都|都答對|完美)/u,
  en: /(?<!not |n't )(?:full marks|perfect answer|every point|all (?:the )?points|fully correct|completely correct|nothing (?:is )?missing)/iu,
};
const SCORE_CLAIM = /(\d+(?:\.\d+)?\s*(?:\/|分|of|out of)\s*\d+\s*(?:分|points?)?|得分|score of)/iu;

export type TFeedbackProblem = "language" | "too_short" | "too_long" | "claims_full_marks" | "states_score" | "reveals_reference";

/** The feedback copies a long stretch of the reference answer: it would hand the student the key */
function copiesReference(text: string, reference: string): boolean {
  const squeeze = (s: string) => s.replace(/[\s\p{P}]+/gu, "").toLowerCase();
  const a = squeeze(text);
  const b = squeeze(reference);
  const span = /\p{Script=Han}/u.test(b) ? 24 : 60;
  for (let i = 0; i + span <= b.length; i += Math.max(1, Math.floor(span / 3))) if (a.includes(b.slice(i, i + span))) return true;
  return false;
}

export function checkFeedback(text: string, locale: TLocale, criteria: readonly TCriterionEvent[], reference = ""): TFeedbackProblem | null {
  const trimmed = text.trim();
  const han = trimmed.match(HAN)?.length ?? 0;
  const latin = trimmed.match(LATIN)?.length ?? 0;
  if (locale === "zh-TW" && (han < latin || han < trimmed.length * 0.3 || SIMPLIFIED_ONLY.test(trimmed))) return "language";
  if (locale === "en" && (han > 0 || latin < trimmed.length * 0.5)) return "language";
  if (trimmed.length < (locale === "zh-TW" ? 12 : 30)) return "too_short";
  if (trimmed.length > (locale === "zh-TW" ? 700 : 1500)) return "too_long";
  const allMet = criteria.every((c) => c.verdict === "met");
  if (!allMet && PRAISE_ALL[locale].test(trimmed)) return "claims_full_marks";
  if (SCORE_CLAIM.test(trimmed)) return "states_score";
  if (reference && copiesReference(trimmed, reference)) return "reveals_reference";
  return null;
}
