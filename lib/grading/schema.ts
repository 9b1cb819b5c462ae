import { z } from "zod";
import { isStorable, ZId } from "@/lib/core/text";

import type { TLocale } from "@/lib/core/locales";
import type { TOpen } from "@/lib/quiz/schema";

// What every grader emits, in order: verdicts per rubric criterion, matched misconceptions, the
// feedback as tokens, and last the score. The same events are stored and streamed to the browser.

export const ZVerdict = z.enum(["met", "partly", "missed"]);
export type TVerdict = z.infer<typeof ZVerdict>;

export const ZEvidence = z.object({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string().max(2000) });
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZCandidate = z.object({ token: z.string().max(200), probability: z.number().min(0).max(1) });
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZGraderEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("criterion"),
    criterionId: z.string(),
    verdict: ZVerdict,
    /** The answer states the opposite of the criterion */
    contradicted: z.boolean(),
    evidence: ZEvidence.nullable(),
    /** The criterion as the student reads it, in the round's language */
    label: z.string().max(1000).optional(),
  }),
  z.object({ type: z.literal("misconception"), misconceptionId: z.string(), evidence: ZEvidence.nullable(), label: z.string().max(1000).optional() }),
  z.object({ type: z.literal("notice"), code: z.enum(["LLM_FALLBACK", "LLM_RETRY", "INJECTION_SUSPECTED", "FEEDBACK_REPLACED"]), detail: z.string().max(500).optional() }),
  z.object({ type: z.literal("token"), text: z.string().max(500), candidates: z.array(ZCandidate).max(20).optional() }),
  z.object({
    type: z.literal("score"),
    score: z.number(),
    maxScore: z.number(),
    confidence: z.number().min(0).max(1),
    /** A model's grading also reports what the built-in grader gives, to spot disagreements */
    builtinScore: z.number().optional(),
  }),
]);
export type TGraderEvent = z.infer<typeof ZGraderEvent>;
export type TCriterionEvent = Extract<TGraderEvent, { type: "criterion" }>;

/** An earlier round of the same student on the same question: what they wrote and what they were told */
export type TRound = { answer: string; criteria: TCriterionEvent[]; misconceptions: string[]; feedback: string };

/** `final`: the answer as submitted, graded for the record; the student cannot revise it any more */
export type TGradeInput = { question: TOpen; answer: string; history: TRound[]; locale: TLocale; final?: boolean };

type TGraderName = "builtin" | "semantic" | "openai";
/** A grader yields which grader is writing (a model may hand over to the built-in one), then its events */
export type TGraderStreamEvent = TGraderEvent | { type: "grader"; name: TGraderName; model?: string } | { type: "reset" };
export type TGrader = { name: TGraderName; grade(input: TGradeInput, signal?: AbortSignal): AsyncIterable<TGraderStreamEvent> };

// A reviewer's decision, from the grading review form
const ZReason = z.string().trim().min(1, "reason_required").max(500, "reason_too_long").refine(isStorable, "bad_characters");
const ZResponseId = ZId;
export const ZReviewInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("ACCEPT"), responseId: ZResponseId, reason: ZReason }),
  z.object({
    action: z.literal("OVERRIDE"),
    responseId: ZResponseId,
    score: z.number({ error: "score_required" }).min(0, "score_range").multipleOf(0.5, "score_step"),
    feedback: z.string().max(5000, "feedback_too_long").refine(isStorable, "bad_characters"),
    reason: ZReason,
  }),
]);
export type TReviewInput = z.infer<typeof ZReviewInput>;

/** Accepting a group of alike answers at once, from the grading review's "similar answers" view */
export const ZReviewGroupInput = z.object({ responseIds: z.array(ZResponseId).min(1).max(200), reason: ZReason });
