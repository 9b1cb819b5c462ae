import { startAttemptFor } from "@/lib/attempt/start";
import { jsonRoute } from "@/lib/core/api";

/** Starts an attempt at the assignment (or returns the one in progress). */
export const POST = jsonRoute<{ assignmentId: string }>(async (_request, { assignmentId }) => {
  const { attemptId, resumed } = await startAttemptFor(assignmentId);
  return { attemptId, resumed };
});
