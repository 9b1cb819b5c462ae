import { z } from "zod";
import { ZId } from "@/lib/core/text";
import { ZAnswer } from "@/lib/quiz/schema";


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

/** The rules an instructor sets when assigning a quiz. Times arrive as ISO strings from the browser. */
export const ZAssignmentFields = z
  .object({
    quizId: z.uuid("required"),
    mode: z.enum(["PRACTICE", "EXAM"]),
    opensAt: z.iso.datetime({ offset: true, message: "bad_time" }).nullable(),
    closesAt: z.iso.datetime({ offset: true, message: "bad_time" }).nullable(),
    timeLimitMinutes: z.number().int("whole_number").min(1, "time_limit_range").max(600, "time_limit_range").nullable(),
    attemptsAllowed: z.number().int("whole_number").min(1, "attempts_range").max(100, "attempts_range").nullable(),
    countedAttempt: z.enum(["BEST", "LAST", "FIRST"]),
    feedbackTiming: z.enum(["IMMEDIATE", "AFTER_SUBMIT", "AFTER_CLOSE"]),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    graceSeconds: z.number().int("whole_number").min(0, "grace_range").max(600, "grace_range").default(60),
  })
  .refine((fields) => !fields.opensAt || !fields.closesAt || new Date(fields.closesAt) > new Date(fields.opensAt), { path: ["closesAt"], message: "closes_before_opens" })
  .refine((fields) => fields.feedbackTiming !== "AFTER_CLOSE" || fields.closesAt, { path: ["feedbackTiming"], message: "after_close_needs_close" });
export type TAssignmentFields = z.infer<typeof ZAssignmentFields>;
