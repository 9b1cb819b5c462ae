"use server";

import { z } from "zod";
import { ZId } from "@/lib/core/text";
import { db } from "@/lib/core/db";
import { isAppError } from "@/lib/core/errors";
import { requireClassRole } from "@/lib/core/session";
import { createAssignment } from "./assignments";
import { ZAssignmentFields } from "./schema";

type TResult = { ok: true } | { ok: false; code: string; fields?: Record<string, string> };

/** An instructor assigns a quiz (its newest version) to the class with the given rules. */
export async function createAssignmentAction(classId: unknown, input: unknown): Promise<TResult & { assignmentId?: string }> {
  try {
    const { classId: id } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR"]);
    const parsed = ZAssignmentFields.safeParse(input);
    if (!parsed.success) return { ok: false, code: "INVALID_INPUT", fields: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])) };
    const { id: assignmentId } = await createAssignment(db, id, parsed.data);
    return { ok: true, assignmentId };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code };
    if (error instanceof z.ZodError) return { ok: false, code: "INVALID_INPUT" };
    throw error;
  }
}
