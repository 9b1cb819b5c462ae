import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/core/testing/test-database";
import { chatModel, resetChatModel, type TChatModel } from "@/lib/models/chat";
import { CHAT_MODEL } from "@/lib/models/manifest";
import type { TNextToken } from "@/lib/quiz/schema";
import { loadContent, type TContent } from "./load-content";
import { computeNextTokenProbabilities, continuationText, describeComputeReport, findModelProbabilities, revealNextToken, type TScoredCandidate } from "./next-token-probabilities";

// Against the REAL installed chat model (npm run models:install, which `npm test` runs first) and a
// real PostgreSQL. vitest.config.ts turns models off; it is asked for here, and its absence fails.

const ON = { ...process.env, JIELONG_MODELS: "on", LLM_BASE_URL: "", LLM_MODEL: "" };
// Lecture 1's word chain: "生成式人工智慧可以寫文章、做翻譯，也能畫" / "… and even draw"
const DRAW = "54f5969a-2026-431c-a04d-f42b3d4dc81b";

let model: TChatModel;
let test: TTestDatabase;
let content: TContent;
let question: TNextToken;

/** The content with just the one question, so the model reads two contexts, not eight */
function only(q: TNextToken): TContent {
  const quiz = content.quizzes.find((candidate) => candidate.data.questions.some((x) => x.uuid === q.uuid))!;
  return { ...content, quizzes: [{ ...quiz, data: { ...quiz.data, questions: [q] } }] };
}

beforeAll(async () => {
  resetChatModel();
  const found = chatModel(ON);
  resetChatModel();
  if (!found) throw new Error(`The chat model ${CHAT_MODEL.name} is not installed: run npm run models:install (npm test does this first).`);
  model = found;
  test = await createTestDatabase();
  content = await loadContent();
  question = content.quizzes.flatMap((q) => q.data.questions).find((q): q is TNextToken => q.uuid === DRAW && q.type === "next_token")!;
  expect(question, "the word-chain question is in content/").toBeDefined();
}, 60_000);

describe("computeNextTokenProbabilities with the installed model", () => {
  it("stores each candidate's probability and the model's top 5 per language, with the model's name, and keeps them on the next run", async () => {
    const report = await computeNextTokenProbabilities(test.db, only(question), model);
    expect(report).toMatchObject({ computed: 2, kept: 0, model: model.name });
    expect(describeComputeReport(report)).toBe(`Next-token probabilities: computed 2 with ${model.name}`);

    const rows = await test.db.nextTokenProbability.findMany({ where: { questionUuid: DRAW }, orderBy: { locale: "asc" } });
    expect(rows.map((r) => r.locale)).toEqual(["en", "zh-TW"]);
    for (const row of rows) {
      expect([row.modelName, row.modelVersion, row.modelLabel]).toEqual([CHAT_MODEL.id, CHAT_MODEL.version, "Qwen2.5-Coder-1.5B-Instruct"]);
      expect(`${row.modelName}@${row.modelVersion}`).toBe(model.name);
      const candidates = row.candidates as TScoredCandidate[];
      expect(candidates.map((c) => c.id)).toEqual(question.candidates.map((c) => c.id));
      for (const c of candidates) {
        expect(c.probability, c.token).toBeGreaterThan(0);
        expect(c.probability, c.token).toBeLessThanOrEqual(1);
      }
      const top = row.topTokens as { token: string; probability: number }[];
      expect(top).toHaveLength(5);
      expect(top.map((t) => t.probability)).toEqual([...top.map((t) => t.probability)].sort((a, b) => b - a));
      expect(top.reduce((sum, t) => sum + t.probability, 0)).toBeLessThanOrEqual(1);
      // Scoring a candidate with it forced gives the same number as the model's own distribution
      for (const c of candidates) {
        const same = top.find((t) => t.token === c.text);
        if (same) expect(c.probability).toBeCloseTo(same.probability, 6);
      }
    }
    // The text is the lecture's: "畫" is most naturally followed by "圖", "draw" by " pictures"
    const zh = rows.find((r) => r.locale === "zh-TW")!;
    expect((zh.topTokens as { token: string }[])[0]!.token).toBe("圖");
    expect((rows.find((r) => r.locale === "en")!.candidates as TScoredCandidate[]).find((c) => c.id === "picture")!.text).toBe(" pictures");

    const again = await computeNextTokenProbabilities(test.db, only(question), model);
    expect(again).toMatchObject({ computed: 0, kept: 2 });
    expect(describeComputeReport(again)).toBe(`Next-token probabilities: kept 2 from ${model.name}`);
    const after = await test.db.nextTokenProbability.findMany({ where: { questionUuid: DRAW }, orderBy: { locale: "asc" } });
    expect(after.map((r) => [r.id, r.computedAt.getTime()])).toEqual(rows.map((r) => [r.id, r.computedAt.getTime()]));

    // The results page looks the numbers up by the context as shown
    const found = await findModelProbabilities(test.db, { questionUuid: DRAW, locale: "zh-TW", context: question.context["zh-TW"] });
    expect(found?.candidates).toEqual(zh.candidates);
    expect(await findModelProbabilities(test.db, { questionUuid: DRAW, locale: "zh-TW", context: `${question.context["zh-TW"]}。` })).toBeNull();
    // A review answered in the practice queue gets both languages, and no candidate's feedback text
    const reveal = await revealNextToken(test.db, question);
    expect(reveal.models["zh-TW"]?.modelLabel).toBe("Qwen2.5-Coder-1.5B-Instruct");
    expect(reveal.models.en?.candidates).toEqual(rows.find((r) => r.locale === "en")!.candidates);
    expect(reveal.candidates.every((c) => !("feedback" in c))).toBe(true);
  }, 60_000);

  it("scores again only the language whose context changed", async () => {
    const edited: TNextToken = { ...question, context: { ...question.context, en: "Generative AI can write essays and even draw" } };
    expect(await computeNextTokenProbabilities(test.db, only(edited), model)).toMatchObject({ computed: 1, kept: 1 });
    expect(await findModelProbabilities(test.db, { questionUuid: DRAW, locale: "en", context: edited.context.en })).not.toBeNull();
  }, 60_000);

  it("multiplies a candidate's tokens, each read with the ones before it forced", async () => {
    const context = question.context.en;
    const { probabilities } = (await model.scoreContinuations!(context, [" pictures", " pictures of"]))!;
    const { probabilities: [of] } = (await model.scoreContinuations!(`${context} pictures`, [" of"]))!;
    expect(probabilities[1]).toBeLessThan(probabilities[0]!);
    expect(probabilities[1]).toBeCloseTo(probabilities[0]! * of!, 6);
  }, 60_000);
});

describe("computeNextTokenProbabilities without a scorable model", () => {
  it("stores nothing and says the illustrative numbers are shown", async () => {
    const { db } = test;
    await db.nextTokenProbability.deleteMany({});
    const none = await computeNextTokenProbabilities(db, only(question), null);
    expect(describeComputeReport(none)).toBe("Next-token probabilities: no model installed: the illustrative numbers are shown");
    const remote = { ...model, name: "gpt-test", source: "remote" as const, scoreContinuations: undefined };
    expect(describeComputeReport(await computeNextTokenProbabilities(db, only(question), remote))).toContain("gpt-test cannot be scored token by token");
    const refusing = { ...model, name: "refuses", scoreContinuations: async () => null };
    expect(await computeNextTokenProbabilities(db, only(question), refusing)).toMatchObject({ computed: 0, unsupported: true });
    expect(await db.nextTokenProbability.count()).toBe(0);
  });

  it("puts a space before an English word and none between Chinese characters", () => {
    expect(continuationText("and even draw", "pictures")).toBe(" pictures");
    expect(continuationText("也能畫", "圖")).toBe("圖");
    expect(continuationText("and even draw ", "pictures")).toBe("pictures");
    expect(continuationText("it said", ",")).toBe(",");
  });
});
