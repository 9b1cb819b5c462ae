"use server";

import { revalidatePath } from "next/cache";
import { ZId } from "@/lib/core/text";
import { fieldErrors, guarded } from "@/lib/core/action-result";
import { db } from "@/lib/core/db";
import { requireClassRole } from "@/lib/core/session";
import { reviewGrade } from "./mutations";
import { ZReviewGroupInput, ZReviewInput } from "./schema";

type TResult = { ok: true; score: number } | { ok: false; code: string; fields?: Record<string, string> };

/** An instructor or TA accepts or replaces a machine grade, with a reason that goes to the audit log. */
export async function reviewGradeAction(classId: unknown, input: unknown): Promise<TResult> {
  return guarded(async () => {
    const { classId: id, user } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR", "TA"]);
    const parsed = ZReviewInput.safeParse(input);
    if (!parsed.success) return { ok: false as const, code: "INVALID_INPUT", fields: fieldErrors(parsed.error) };
    const { responseId, reason, ...decision } = parsed.data;
    const { score } = await reviewGrade(db, { classId: id, responseId, actorId: user.id, decision, reason });
    revalidatePath(`/classes/${id}/grading`);
    return { ok: true as const, score };
  });
}

/**
 * Accepts the machine grades of a group of alike answers with one reason. Each answer gets its
 * own audit entry. An answer of another class or without a grade stops the batch there: those
 * before it stay accepted, as if accepted one by one, and the refreshed page shows which.
 */
export async function reviewGroupAction(classId: unknown, input: unknown): Promise<{ ok: true; accepted: number } | { ok: false; code: string; fields?: Record<string, string> }> {
  return guarded(async () => {
    const { classId: id, user } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR", "TA"]);
    const parsed = ZReviewGroupInput.safeParse(input);
    if (!parsed.success) return { ok: false as const, code: "INVALID_INPUT", fields: fieldErrors(parsed.error) };
    let accepted = 0;
    for (const responseId of new Set(parsed.data.responseIds)) {
      await reviewGrade(db, { classId: id, responseId, actorId: user.id, decision: { action: "ACCEPT" }, reason: parsed.data.reason });
      accepted++;
    }
    revalidatePath(`/classes/${id}/grading`);
    return { ok: true as const, accepted };
  });
}
