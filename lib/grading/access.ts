import "server-only";
import { feedbackReleased } from "@/lib/attempt/rules";
import { AppError } from "@/lib/core/errors";
import { requireApiClassRole, requireApiUser } from "@/lib/core/session";

import { findRoundAccess } from "./data";

/**
 * The caller may read this round's feedback: the student whose answer it is (a final grading only
 * once the assignment releases feedback), or an instructor or TA of the assignment's class.
 * Anyone else is told it does not exist.
 */
export async function requireRoundReader(roundId: string, now = new Date()) {
  const user = await requireApiUser();
  const round = await findRoundAccess(roundId);
  if (!round) throw new AppError("NOT_FOUND");
  const { userId, assignment } = round.response.attempt;
  if (userId === user.id && (round.purpose === "PRACTICE" || feedbackReleased(assignment, now))) return user;
  if (!assignment) throw new AppError("NOT_FOUND");
  try {
    await requireApiClassRole(assignment.classId, ["INSTRUCTOR", "TA"]);
  } catch {
    throw new AppError("NOT_FOUND");
  }
  return user;
}
