import "server-only";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { requireApiUser, requireClassRole } from "@/lib/core/session";
import { findAssignment } from "./data";
import { startAttempt } from "./mutations";

/** The caller starts (or resumes) an attempt at an assignment of a class they belong to. */
export async function startAttemptFor(assignmentId: string) {
  await requireApiUser();
  const assignment = await findAssignment(assignmentId);
  if (!assignment) throw new AppError("NOT_FOUND");
  const { user } = await requireClassRole(assignment.classId, ["STUDENT", "TA", "INSTRUCTOR"]);
  return startAttempt(db, { userId: user.id, assignment });
}
