import "server-only";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { requireApiClassRole } from "@/lib/core/session";
import { findAssignmentRules } from "./data";
import { startAttempt } from "./mutations";

/** The caller starts (or resumes) an attempt at an assignment of a class they belong to. */
export async function startAttemptFor(assignmentId: string) {
  const assignment = await findAssignmentRules(assignmentId);
  if (!assignment) throw new AppError("NOT_FOUND");
  const { user } = await requireApiClassRole(assignment.classId, ["STUDENT", "TA", "INSTRUCTOR"]);
  return startAttempt(db, { userId: user.id, assignment });
}
