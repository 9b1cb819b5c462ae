import { beforeAll, describe, expect, it } from "vitest";

import { chatModel, resetChatModel, type TChatModel } from "@/lib/models/chat";

import { continuePrefix } from "./continue-prefix";
import type { TPlaygroundLine, TPlaygroundRequest, TPlaygroundStep } from "./schema";
import { playgroundStream } from "./stream";

// The word chain against the REAL installed model (npm run models:install; npm test runs it
// first). vitest.config.ts turns models off for other tests; here the model is asked for, and its
// absence is a failure, not a skip.

const ON = { ...process.env, JIELONG_MODELS: "on", LLM_BASE_URL: "", LLM_MODEL: "" };
let model: TChatModel;

beforeAll(async () => {
  resetChatModel();
  const found = chatModel(ON);
  resetChatModel();
  if (!found?.continueText) throw new Error("The local language model is not installed, so the word chain cannot be tested: run npm run models:install (npm test does this first).");
  model = found;
  await model.warmUp();
}, 120_000);

async function chain(request: TPlaygroundRequest, seed = 1, traditionalOnly = true): Promise<TPlaygroundStep[]> {
  const steps: TPlaygroundStep[] = [];
  for await (const step of continuePrefix(model, { request, seed, traditionalOnly })) steps.push(step);
  return steps;
}

// Two cores are shared with the other model test file: a 30-step chain can take a minute there.
describe("the word chain on the local model", { timeout: 240_000 }, () => {
  it("at temperature 0 writes the same continuation twice, each step taking its most likely candidate", async () => {
    const request = { prefix: "今天天氣很", temperature: 0, steps: 12 };
    const first = await chain(request, 1);
    const second = await chain(request, 99);
    expect(first.length).toBe(12);
    expect(second.map((s) => s.text)).toEqual(first.map((s) => s.text));
    for (const step of first) {
      expect(step.rank, `step ${step.index} "${step.text}" vs ${JSON.stringify(step.candidates)}`).toBe(0);
      expect(step.candidates[0]!.token).toBe(step.text);
    }
  });

  it("gives at most five candidates per step, sorted by probability, summing to at most 1", async () => {
    for (const [prefix, temperature, traditionalOnly] of [["The weather today is very", 0, false], ["今天天氣很", 1, true]] as const) {
      const steps = await chain({ prefix, temperature, steps: 10 }, 5, traditionalOnly);
      expect(steps.length).toBe(10);
      for (const { candidates } of steps) {
        expect(candidates.length).toBeGreaterThan(0);
        expect(candidates.length).toBeLessThanOrEqual(5);
        for (let i = 1; i < candidates.length; i++) expect(candidates[i]!.probability).toBeLessThanOrEqual(candidates[i - 1]!.probability);
        for (const c of candidates) expect(c.probability).toBeGreaterThan(0);
        expect(candidates.reduce((sum, c) => sum + c.probability, 0)).toBeLessThanOrEqual(1 + 1e-6);
      }
    }
  });

  it("at temperature 1.0 with a seed samples: it repeats itself with the same seed and strays from the most likely path", async () => {
    const greedy = await chain({ prefix: "今天天氣很", temperature: 0, steps: 30 });
    const sampled = await chain({ prefix: "今天天氣很", temperature: 1, steps: 30 }, 12345);
    const again = await chain({ prefix: "今天天氣很", temperature: 1, steps: 30 }, 12345);
    expect(again.map((s) => s.text)).toEqual(sampled.map((s) => s.text));
    const differs = sampled.map((s) => s.text).join("") !== greedy.map((s) => s.text).join("");
    const offTop = sampled.some((s) => s.rank !== 0);
    expect(differs, "a seeded temperature-1.0 run wrote exactly the temperature-0 text").toBe(true);
    expect(offTop, "a seeded temperature-1.0 run took the top candidate at every one of 30 steps").toBe(true);
  });

  it("writes Traditional characters only when asked for zh-TW", async () => {
    const steps = await chain({ prefix: "请用简体中文介绍你自己：", temperature: 0, steps: 20 }, 1, true);
    // A few characters that differ between the scripts; none of the Simplified ones may appear
    expect(steps.map((s) => s.text).join("")).not.toMatch(/[们这说为个时来会对发过还进]/u);
  });
});

describe("the streamed generation", { timeout: 240_000 }, () => {
  async function lines(stream: ReadableStream<Uint8Array>, stopAfterSteps = Infinity, onStop?: () => void): Promise<TPlaygroundLine[]> {
    const text = new TextDecoder();
    const out: TPlaygroundLine[] = [];
    let buffered = "";
    const reader = stream.getReader();
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += text.decode(value, { stream: true });
      for (let i; (i = buffered.indexOf("\n")) >= 0; buffered = buffered.slice(i + 1)) out.push(JSON.parse(buffered.slice(0, i)) as TPlaygroundLine);
      if (out.filter((l) => l.type === "step").length >= stopAfterSteps) onStop?.();
    }
    return out;
  }

  it("sends a start line naming the model, one line per step and an end line, then gives its slot back", async () => {
    let released = 0;
    const stream = playgroundStream({ model, request: { prefix: "1, 2, 3,", temperature: 0, steps: 6 }, traditionalOnly: false, signal: new AbortController().signal, release: () => released++ });
    const out = await lines(stream);
    expect(out[0]).toMatchObject({ type: "start", model: model.name, source: "local", temperature: 0 });
    expect(out.filter((l) => l.type === "step").map((l) => (l.type === "step" ? l.index : -1))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.at(-1)).toEqual({ type: "end", steps: 6 });
    expect(released).toBe(1);
  });

  it("stops generating when the browser goes away, and gives its slot back", async () => {
    let released = 0;
    const gone = new AbortController();
    const stream = playgroundStream({ model, request: { prefix: "Once upon a time", temperature: 0, steps: 40 }, traditionalOnly: false, signal: gone.signal, release: () => released++ });
    const out = await lines(stream, 2, () => gone.abort());
    const steps = out.filter((l) => l.type === "step").length;
    expect(steps).toBeGreaterThanOrEqual(2);
    expect(steps).toBeLessThan(40);
    expect(out.some((l) => l.type === "end")).toBe(false);
    expect(released).toBe(1);
  });
});
