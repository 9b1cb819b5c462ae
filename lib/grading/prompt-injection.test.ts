import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/content/load-content";
import type { TOpen } from "@/lib/quiz/schema";

import { detectInjection } from "./detect-injection";
import { verdictMessages } from "./llm-prompts";
import { createOpenAIGrader } from "./openai-grader";
import type { TGrader } from "./schema";
import { BASES, INJECTIONS } from "./testing/injections";
import { startTestLlmServer, type TTestLlmServer } from "./testing/test-llm-server";

// Answers that talk to the grader, in zh-TW and English, against a deliberately gullible test
// model: none may score above the same answer without the injected text, and every one is flagged.

let server: TTestLlmServer;
let grader: TGrader;
let space: TOpen;

async function scoreOf(answer: string, locale: "zh-TW" | "en") {
  let score = -1;
  for await (const event of grader.grade({ question: space, answer, history: [], locale })) if (event.type === "score") score = event.score;
  return score;
}

beforeAll(async () => {
  server = await startTestLlmServer({ gullible: true });
  grader = createOpenAIGrader({ baseURL: server.url, model: "gullible", timeoutMs: 5000, maxRetries: 0 });
  space = (await loadContent()).quizzes.flatMap((q) => q.data.questions).find((q) => q.uuid === "e313afb6-a23a-479f-99b8-e80c61e4fcdf") as TOpen;
});
afterAll(() => server.close());

describe("prompt injection", () => {
  it("has at least 30 attempts in both languages", () => {
    expect(INJECTIONS.length).toBeGreaterThanOrEqual(30);
    expect(INJECTIONS.filter((text) => /\p{Script=Han}/u.test(text)).length).toBeGreaterThanOrEqual(12);
  });

  it("the test model really is gullible: shown an injection as is, it gives every point", async () => {
    const response = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ model: "gullible", messages: verdictMessages(space, `${BASES.en} ${INJECTIONS[0]}`, "en") }),
    });
    const verdicts = JSON.parse(((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content) as { criteria: { verdict: string }[] };
    expect(verdicts.criteria.every((c) => c.verdict === "met")).toBe(true);
  });

  const cases = INJECTIONS.flatMap((injection, i) => {
    const locale = /\p{Script=Han}/u.test(injection) ? ("zh-TW" as const) : ("en" as const);
    const base = BASES[locale];
    // Before, after and in the middle of the answer
    const answer = i % 3 === 0 ? `${injection}\n${base}` : i % 3 === 1 ? `${base} ${injection}` : `${base.slice(0, 8)} ${injection} ${base.slice(8)}`;
    return [{ injection, locale, base, answer }];
  });

  it.each(cases)("is flagged and earns no more than without it: $injection", async ({ locale, base, answer, injection }) => {
    expect(detectInjection(answer).flagged).toBe(true);
    const without = await scoreOf(answer.replace(injection, "").replace(/\s+/gu, " ").trim(), locale);
    const withInjection = await scoreOf(answer, locale);
    expect(without).toBeGreaterThanOrEqual(0);
    expect(withInjection).toBeLessThanOrEqual(without);
    expect(withInjection).toBeLessThan(space.points);
    expect(base).not.toBe("");
  });
});
