"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/core/db";
import { isAppError } from "@/lib/core/errors";
import { requireClassRole } from "@/lib/core/session";
import { parseNumber } from "@/lib/quiz/parse-number";
import { findAssignment } from "./data";
import { submitAttempt } from "./mutations";
import { ZSubmitAttempt, type TSubmitResult } from "./schema";

export async function submitQuizAction(input: unknown): Promise<TSubmitResult> {
  const parsed = ZSubmitAttempt.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT" };
  const assignment = await findAssignment(parsed.data.assignmentId);
  if (!assignment) return { ok: false, code: "NOT_FOUND" };

  // An unreadable number is sent back to its field rather than graded as a wrong number.
  const fieldErrors: Record<string, "unreadable_number"> = {};
  for (const [questionId, answer] of Object.entries(parsed.data.answers)) {
    if (answer.type !== "numeric") continue;
    const reading = parseNumber(answer.text);
    if (!reading.ok && reading.reason !== "empty") fieldErrors[questionId] = "unreadable_number";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, code: "INVALID_INPUT", fieldErrors };

  let attemptId: string;
  try {
    const { user } = await requireClassRole(assignment.classId, ["STUDENT", "TA", "INSTRUCTOR"]);
    ({ attemptId } = await submitAttempt(db, { userId: user.id, assignment, answers: parsed.data.answers }));
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code };
    throw error;
  }
  redirect(`/attempts/${attemptId}`);
}
