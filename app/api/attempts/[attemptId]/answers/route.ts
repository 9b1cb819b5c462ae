import { saveAnswer } from "@/lib/attempt/mutations";
import { ZSaveAnswerBody } from "@/lib/attempt/schema";
import { jsonRoute, readJson } from "@/lib/core/api";
import { db } from "@/lib/core/db";
import { requireApiUser } from "@/lib/core/session";

/** Autosave: one answer of the caller's own attempt; the reply is the server's acknowledgement. */
export const POST = jsonRoute<{ attemptId: string }>(async (request, { attemptId }) => {
  const user = await requireApiUser();
  const save = await readJson(request, ZSaveAnswerBody);
  const saved = await saveAnswer(db, { attemptId, userId: user.id, save });
  return { questionId: save.questionId, seq: saved.seq, savedAt: saved.savedAt.toISOString(), serverNow: Date.now() };
});
