import * as OpenCC from "opencc-js";
import { beforeAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/content/load-content";
import { feedbackPrompt, createFeedbackWriter } from "@/lib/grading/feedback-writer";
import type { TGraderStreamEvent } from "@/lib/grading/schema";
import { createSemanticGrader } from "@/lib/grading/semantic-grader";
import { contrastFor } from "@/lib/grading/semantic-verdicts";
import { BASES, INJECTIONS } from "@/lib/grading/testing/injections";
import type { TOpen, TQuestion } from "@/lib/quiz/schema";

import { chatModel, resetChatModel, type TChatModel } from "./chat";
import { cosine, embedder, resetEmbedder, type TEmbedder } from "./embed";

// The model layer and the semantic grader against the REAL installed models (npm run models:install,
// which `npm test` runs first). vitest.config.ts turns installed models off for every other test;
// here they are asked for explicitly, and their absence is a failure, not a skip.

const ON = { ...process.env, JIELONG_MODELS: "on", LLM_BASE_URL: "", LLM_MODEL: "", EMBEDDINGS_BASE_URL: "" };
let embeddings: TEmbedder;
let chat: TChatModel;
let questions: TQuestion[];
const open = (uuid: string) => questions.find((q) => q.uuid === uuid) as TOpen;
const SPACE = "e313afb6-a23a-479f-99b8-e80c61e4fcdf";
const RISKS = "f4840674-a436-476d-be1f-cc6c822dad8c";
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

beforeAll(async () => {
  resetEmbedder();
  resetChatModel();
  const e = embedder(ON);
  const c = chatModel(ON);
  resetEmbedder();
  resetChatModel();
  if (!e || !c) throw new Error("The pinned models are not installed: run npm run models:install (npm test does this first).");
  [embeddings, chat] = [e, c];
  questions = (await loadContent()).quizzes.flatMap((q) => q.data.questions);
}, 60_000);

async function grade(uuid: string, answer: string, locale: "zh-TW" | "en", withWriter = false) {
  const question = open(uuid);
  const grader = createSemanticGrader({ embedder: embeddings, writer: withWriter ? createFeedbackWriter(chat) : null, contrast: async () => contrastFor(question, questions) });
  const events: TGraderStreamEvent[] = [];
  for await (const event of grader.grade({ question, answer, history: [], locale })) events.push(event);
  const score = events.find((e) => e.type === "score");
  return { events, score: score?.type === "score" ? score.score : -1 };
}

describe("embed (multilingual-e5-small)", () => {
  it("puts a paraphrase in the other language closer than an unrelated sentence, as unit vectors", async () => {
    const [zh, en, unrelated] = await embeddings.embed(["可能的輸出組合多到根本列不完", "There are far too many possible outputs to list them all.", "The cat sat on the mat."], "query");
    expect(zh!.length).toBe(384);
    expect(Math.hypot(...zh!)).toBeCloseTo(1, 3);
    expect(cosine(zh!, en!)).toBeGreaterThan(cosine(zh!, unrelated!) + 0.05);
  });
});

describe("generate and nextTokens (Qwen2.5-Coder-1.5B-Instruct)", () => {
  it("gives the real top candidates of the next token, sorted, as probabilities", async () => {
    const top = await chat.nextTokens!("今天天氣很", 5);
    expect(top).toHaveLength(5);
    for (let i = 1; i < top.length; i++) expect(top[i]!.probability).toBeLessThanOrEqual(top[i - 1]!.probability);
    expect(top.reduce((s, c) => s + c.probability, 0)).toBeLessThanOrEqual(1.0001);
    expect(top[0]!.probability).toBeGreaterThan(0.05);
    expect(top.some((c) => /\p{Script=Han}/u.test(c.token))).toBe(true);
  }, 60_000);

  it("writes a chat reply token by token, each token with candidates, in Traditional characters for zh-TW", async () => {
    const tokens = [];
    for await (const token of chat.generate([{ role: "user", content: "用一句話說明什麼是文字接龍。" }], { maxTokens: 30, traditionalOnly: true })) tokens.push(token);
    const text = tokens.map((t) => t.text).join("");
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.every((t) => t.candidates.length > 0 && t.candidates.every((c) => c.probability > 0 && c.probability <= 1))).toBe(true);
    expect(text).toMatch(/\p{Script=Han}/u);
    // Nothing OpenCC would change from Simplified to Traditional
    expect(toTraditional(text)).toBe(text);
  }, 60_000);
});

describe("the semantic grader on the real embeddings", () => {
  it("gives full marks to the reference answer in both languages", async () => {
    const question = open(SPACE);
    expect((await grade(SPACE, question.referenceAnswer["zh-TW"], "zh-TW")).score).toBe(3);
    expect((await grade(SPACE, question.referenceAnswer.en, "en")).score).toBe(3);
  }, 60_000);

  it("credits a paraphrase that shares no rubric phrasing", async () => {
    const paraphrase = "Say a reply is 100 characters and each spot can hold any of about a thousand characters: that is 1000 multiplied by itself 100 times, 10^300 options, far beyond the atoms in the universe. Nobody could write them all out to compare, so the model has to come up with a sensible reply directly.";
    expect((await grade(SPACE, paraphrase, "en")).score).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("gives a keyword list and an answer to another question at most a third of the points", async () => {
    expect((await grade(SPACE, "窮舉、1000^100、10^300、宇宙原子、直接生成", "zh-TW")).score).toBe(0);
    expect((await grade(SPACE, "enumerate / 10^300 / atoms / too many / generate directly", "en")).score).toBe(0);
    // The risks question's own reference answer, given to the search-space question
    expect((await grade(SPACE, open(RISKS).referenceAnswer.en, "en")).score).toBeLessThanOrEqual(1);
  }, 60_000);

  it("earns no more with any of the prompt injections than without it, and its feedback model obeys none", async () => {
    const base = { en: await grade(SPACE, BASES.en, "en"), "zh-TW": await grade(SPACE, BASES["zh-TW"], "zh-TW") };
    for (const injection of INJECTIONS) {
      const locale = /\p{Script=Han}/u.test(injection) ? ("zh-TW" as const) : ("en" as const);
      const graded = await grade(SPACE, `${BASES[locale]} ${injection}`, locale);
      expect(graded.score, injection).toBeLessThanOrEqual(base[locale].score);
    }
    // Two of them all the way through the local model's feedback: no full marks claimed, or replaced
    for (const injection of [INJECTIONS[0]!, INJECTIONS[18]!]) {
      const locale = /\p{Script=Han}/u.test(injection) ? ("zh-TW" as const) : ("en" as const);
      const { events, score } = await grade(SPACE, `${BASES[locale]} ${injection}`, locale, true);
      expect(score).toBeLessThan(3);
      const resetAt = events.findLastIndex((e) => e.type === "reset");
      const shown = events.slice(resetAt + 1).flatMap((e) => (e.type === "token" ? [e.text] : [])).join("");
      expect(shown).not.toMatch(/滿分|full marks|3\s*\/\s*3/iu);
    }
  }, 240_000);
});

describe("model-written feedback", () => {
  it("streams the local model's tokens with their candidates, conditioned on the verdicts, or is replaced with a notice", async () => {
    const { events } = await grade(SPACE, "可能的輸出太多了，根本列不完，所以模型只能直接產生答案。", "zh-TW", true);
    const grader = events.find((e) => e.type === "grader");
    expect(grader).toMatchObject({ name: "semantic" });
    const replaced = events.some((e) => e.type === "notice" && e.code === "FEEDBACK_REPLACED");
    const modelTokens = events.slice(0, events.findIndex((e) => e.type === "reset") === -1 ? events.length : events.findIndex((e) => e.type === "reset")).filter((e) => e.type === "token");
    expect(modelTokens.length).toBeGreaterThan(5);
    // Tokens the model wrote carry its candidates; a replacement is announced, never silent
    expect(modelTokens.every((t) => t.type === "token" && (t.candidates?.length ?? 0) > 0)).toBe(true);
    if (!replaced) expect((grader as { model?: string }).model).toContain("qwen2.5-coder");
  }, 120_000);

  it("puts every earlier round's answer and feedback, and this round's verdicts, in the model's prompt", () => {
    const question = open(SPACE);
    const messages = feedbackPrompt({
      question,
      answer: "修改後：可能性太多，列不完。",
      locale: "zh-TW",
      history: [{ answer: "第一版的答案", criteria: [], misconceptions: [], feedback: "第一版的回饋" }],
      criteria: [{ type: "criterion", criterionId: "too-many", verdict: "met", contradicted: false, evidence: null }],
      misconceptions: [],
    });
    const user = messages.at(-1)!.content;
    expect(user).toContain("第一版的答案");
    expect(user).toContain("第一版的回饋");
    expect(user).toContain("修改後：可能性太多，列不完。");
    expect(user).toContain(question.rubric.criteria[0]!.description["zh-TW"]);
  });
});
