import type { TChatModel } from "@/lib/models/chat";

import type { TPlaygroundRequest, TPlaygroundStep } from "./schema";

// The word chain itself: the model continues the student's prefix one token at a time, and each
// step carries the model's top five candidates with their real probabilities (at temperature > 0,
// the distribution it sampled from).

export const TOP_K = 5;

export type TContinueOptions = { request: TPlaygroundRequest; seed: number; traditionalOnly: boolean; signal?: AbortSignal };

export async function* continuePrefix(model: TChatModel, { request, seed, traditionalOnly, signal }: TContinueOptions): AsyncGenerator<TPlaygroundStep> {
  if (!model.continueText) throw new Error("this model cannot continue raw text");
  let index = 0;
  // Tokens, not steps, are what the model counts: a character over two tokens is one step
  const tokens = model.continueText(request.prefix, { temperature: request.temperature, topK: TOP_K, maxTokens: request.steps * 2, seed, traditionalOnly, signal });
  for await (const { text, candidates } of tokens) {
    yield { index, text, candidates, rank: candidates.findIndex((c) => c.token === text) };
    // Leaving the loop ends the model's generation too
    if (++index >= request.steps) break;
  }
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
