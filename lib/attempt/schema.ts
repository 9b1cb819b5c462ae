import { z } from "zod";
import { ZAnswer } from "@/lib/quiz/schema";

const ZId = z.string().min(1).max(100);

export const ZSavedAnswer = z.object({
  questionId: ZId,
  answer: ZAnswer,
  seq: z.number().int().min(1).max(2_000_000_000),
});

/** POST /api/attempts/[attemptId]/answers */
export const ZSaveAnswerBody = ZSavedAnswer;

/** POST /api/attempts/[attemptId]/submit: the answers the browser has not had acknowledged yet. */
export const ZSubmitBody = z.object({ answers: z.array(ZSavedAnswer).max(500).default([]) });

/** POST /api/attempts/[attemptId]/flags */
export const ZFlagBody = z.object({ questionId: ZId, flagged: z.boolean() });

export const ZAttemptParams = z.object({ attemptId: ZId });

/** What the browser keeps per attempt until the server acknowledges it. */
export type TSavedAnswer = z.infer<typeof ZSavedAnswer>;
