import type { TModelProbabilities } from "@/lib/content/next-token-probabilities";
import type { TLocale } from "@/lib/core/locales";
import type { TNextToken } from "@/lib/quiz/schema";

// What a next_token result shows: the model's real numbers for the question's candidates and its
// own top tokens, labelled with its name, when start-up computed them; and always the author's
// YAML numbers, labelled as illustrative. Kept apart from the markup so the labels can be tested.

export type TProbabilityRow = { key: string; token: string; share: number; chosen: boolean };
export type TProbabilityTable = { kind: "model" | "modelTop" | "illustrative"; caption: string; note: string | null; rows: TProbabilityRow[] };
type TTranslate = (key: string, values?: Record<string, string | number>) => string;

/** A token as a student should read it: a leading or inner space is shown as ␣ */
export function showToken(token: string): string {
  return token.replace(/ /gu, "␣").replace(/\n/gu, "⏎");
}

/** 93%, 4.2%, 0.00002%: tiny model probabilities keep one significant digit instead of reading 0% */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent >= 10) return `${Math.round(percent)}%`;
  if (percent >= 0.1) return `${percent.toFixed(1)}%`;
  if (percent >= 1e-6) return `${Number(percent.toPrecision(1)).toLocaleString("en", { maximumFractionDigits: 7 })}%`;
  return share > 0 ? "< 0.000001%" : "0%";
}

export function nextTokenTables(input: { question: Pick<TNextToken, "candidates">; locale: TLocale; chosenId: string | null; model: TModelProbabilities | null; t: TTranslate }): TProbabilityTable[] {
  const { question, locale, chosenId, model, t } = input;
  const tables: TProbabilityTable[] = [];
  if (model) {
    const rows = question.candidates.flatMap((candidate) => {
      const scored = model.candidates.find((c) => c.id === candidate.id && c.token === candidate.token[locale]);
      return scored ? [{ key: candidate.id, token: candidate.token[locale], share: scored.probability, chosen: candidate.id === chosenId }] : [];
    });
    if (rows.length) {
      tables.push({
        kind: "model",
        caption: t("modelProbabilities", { model: model.modelLabel }),
        note: t("modelProbabilitiesNote", { model: model.modelLabel }),
        rows: rows.sort((a, b) => b.share - a.share),
      });
    }
    if (model.topTokens.length) {
      const spaced = model.topTokens.some((top) => /[ \n]/u.test(top.token));
      tables.push({
        kind: "modelTop",
        caption: t("modelTopTokens", { model: model.modelLabel, count: model.topTokens.length }),
        note: spaced ? t("spaceMark") : null,
        rows: model.topTokens.map((top, i) => ({ key: `top-${i}`, token: showToken(top.token), share: top.probability, chosen: false })),
      });
    }
  }
  tables.push({
    kind: "illustrative",
    caption: t("illustrativeProbabilities"),
    note: null,
    rows: [...question.candidates]
      .sort((a, b) => b.probability - a.probability)
      .map((candidate) => ({ key: candidate.id, token: candidate.token[locale], share: candidate.probability, chosen: candidate.id === chosenId })),
  });
  return tables;
}
