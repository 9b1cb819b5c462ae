import { checkAnswer } from "@/lib/attempt/mutations";
import { ZSaveAnswerBody } from "@/lib/attempt/schema";
import { jsonRoute, readJson } from "@/lib/core/api";
import { db } from "@/lib/core/db";
import { requireApiUser } from "@/lib/core/session";

/** Saves one answer of the caller's attempt and returns its feedback (assignments with feedback after each answer). */
export const POST = jsonRoute<{ attemptId: string }>(async (request, { attemptId }) => {
  const user = await requireApiUser();
  const save = await readJson(request, ZSaveAnswerBody);
  const checked = await checkAnswer(db, { attemptId, userId: user.id, save });
  return { questionId: save.questionId, seq: checked.seq, savedAt: checked.savedAt.toISOString(), result: checked.result };
});
