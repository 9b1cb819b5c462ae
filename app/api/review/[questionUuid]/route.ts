import { z } from "zod";
import { revealNextToken } from "@/lib/content/next-token-probabilities";
import { jsonRoute, readJson } from "@/lib/core/api";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { requireApiUser } from "@/lib/core/session";
import { answerReview } from "@/lib/practice/review-queue";
import { ZAnswer } from "@/lib/quiz/schema";

/** Answers the caller's own review card; the reply is the feedback and when it comes back. */
export const POST = jsonRoute<{ questionUuid: string }>(async (request, { questionUuid }) => {
  const user = await requireApiUser();
  const { answer } = await readJson(request, z.object({ answer: ZAnswer }));
  const uuid = z.uuid().safeParse(questionUuid);
  if (!uuid.success) throw new AppError("INVALID_INPUT");
  const result = await answerReview(db, { userId: user.id, questionUuid: uuid.data, answer });
  const nextToken = result.question.type === "next_token" ? await revealNextToken(db, result.question) : null;
  return { grade: result.grade, nextDue: result.nextDue.toISOString(), nextToken };
});
