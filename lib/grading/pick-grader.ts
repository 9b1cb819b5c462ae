import "server-only";

import { content } from "@/lib/content/cached-content";
import { embedder } from "@/lib/models/embed";

import { createBuiltinGrader } from "./builtin-grader";
import { feedbackWriter } from "./feedback-writer";
import { createOpenAIGrader } from "./openai-grader";
import type { TGrader } from "./schema";
import { createSemanticGrader } from "./semantic-grader";
import { contrastFor } from "./semantic-verdicts";

/** Milliseconds between the built-in grader's tokens (GRADER_PACE_MS): about the pace of a fast model */
const DEFAULT_PACE_MS = 15;

const globalForGrader = globalThis as unknown as { jielongGrader?: TGrader };

/**
 * The grader this process uses:
 * - an embeddings model (installed, or EMBEDDINGS_BASE_URL): the semantic grader, whose feedback a
 *   language model writes (LLM_BASE_URL, else the installed local model) where one serves the language;
 * - else a chat model at LLM_BASE_URL: the model grades and writes (openai-grader.ts);
 * - else the lexical built-in grader, labelled as such wherever its results are shown.
 */
export function pickGrader(): TGrader {
  if (globalForGrader.jielongGrader) return globalForGrader.jielongGrader;
  const { LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS, GRADER_PACE_MS } = process.env;
  const pace = Number(GRADER_PACE_MS ?? DEFAULT_PACE_MS);
  const paceMs = Number.isFinite(pace) && pace >= 0 ? pace : DEFAULT_PACE_MS;
  const embeddings = embedder();
  if (embeddings) {
    globalForGrader.jielongGrader = createSemanticGrader({
      embedder: embeddings,
      writer: feedbackWriter(),
      paceMs,
      contrast: async ({ question }) => contrastFor(question, (await content()).quizzes.flatMap((quiz) => quiz.data.questions)),
    });
  } else if (LLM_BASE_URL && LLM_MODEL) {
    globalForGrader.jielongGrader = createOpenAIGrader({ baseURL: LLM_BASE_URL, model: LLM_MODEL, apiKey: LLM_API_KEY, timeoutMs: Number(LLM_TIMEOUT_MS) || 60_000 });
  } else {
    globalForGrader.jielongGrader = createBuiltinGrader({ paceMs });
  }
  return globalForGrader.jielongGrader;
}

/** Which grader this process runs, in words for the log */
export function describeGrader(): string {
  const grader = pickGrader();
  if (grader.name === "builtin") return "the lexical built-in grader (no model installed or configured)";
  return `the ${grader.name} grader`;
}
