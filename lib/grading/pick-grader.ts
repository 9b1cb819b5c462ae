import "server-only";

import { createBuiltinGrader } from "./builtin-grader";
import type { TGrader } from "./schema";

/** Milliseconds between the built-in grader's tokens (GRADER_PACE_MS): about the pace of a fast model */
const DEFAULT_PACE_MS = 15;

/** The grader this process uses: a model when LLM_BASE_URL and LLM_MODEL are set, else the built-in one. */
export function pickGrader(): TGrader {
  const pace = Number(process.env.GRADER_PACE_MS ?? DEFAULT_PACE_MS);
  return createBuiltinGrader({ paceMs: Number.isFinite(pace) && pace >= 0 ? pace : DEFAULT_PACE_MS });
}
