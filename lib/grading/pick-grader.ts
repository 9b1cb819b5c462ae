import "server-only";

import { createBuiltinGrader } from "./builtin-grader";
import { createOpenAIGrader } from "./openai-grader";
import type { TGrader } from "./schema";

/** Milliseconds between the built-in grader's tokens (GRADER_PACE_MS): about the pace of a fast model */
const DEFAULT_PACE_MS = 15;

const globalForGrader = globalThis as unknown as { jielongGrader?: TGrader };

/** The grader this process uses: a model when LLM_BASE_URL and LLM_MODEL are set, else the built-in one. */
export function pickGrader(): TGrader {
  if (globalForGrader.jielongGrader) return globalForGrader.jielongGrader;
  const { LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS, GRADER_PACE_MS } = process.env;
  if (LLM_BASE_URL && LLM_MODEL) {
    globalForGrader.jielongGrader = createOpenAIGrader({ baseURL: LLM_BASE_URL, model: LLM_MODEL, apiKey: LLM_API_KEY, timeoutMs: Number(LLM_TIMEOUT_MS) || 60_000 });
  } else {
    const pace = Number(GRADER_PACE_MS ?? DEFAULT_PACE_MS);
    globalForGrader.jielongGrader = createBuiltinGrader({ paceMs: Number.isFinite(pace) && pace >= 0 ? pace : DEFAULT_PACE_MS });
  }
  return globalForGrader.jielongGrader;
}

/** Whether this process grades with the built-in grader (no model configured). */
export function usesBuiltinGrader(): boolean {
  return pickGrader().name === "builtin";
}
