import { z } from "zod";

import { ZGraderEvent } from "./schema";

// What a feedback stream carries: the grader's events, plus which grader is writing and a reset
// when a restarted job writes the feedback again from the start.

export const ZStreamEvent = z.union([
  ZGraderEvent,
  z.object({ type: z.literal("grader"), name: z.enum(["builtin", "semantic", "openai"]), model: z.string().max(200).optional() }),
  z.object({ type: z.literal("reset") }),
]);
export type TStreamEvent = z.infer<typeof ZStreamEvent>;

/** What the browser receives when a round ends (not stored: it is derived from the round's status). */
export type TStreamEnd = { status: "DONE" | "FAILED"; score: number | null; maxScore: number };
