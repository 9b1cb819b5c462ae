import { z } from "zod";
import { ZAnswer } from "@/lib/quiz/schema";

export const ZSubmitAttempt = z.object({
  assignmentId: z.string().min(1).max(100),
  answers: z.record(z.string().max(100), ZAnswer).refine((answers) => Object.keys(answers).length <= 500),
});
export type TSubmitAttempt = z.infer<typeof ZSubmitAttempt>;

export type TSubmitResult =
  | { ok: true; attemptId: string }
  | { ok: false; code: string; fieldErrors?: Record<string, "unreadable_number"> };
