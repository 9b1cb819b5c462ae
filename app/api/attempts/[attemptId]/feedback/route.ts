import { getLocale } from "next-intl/server";

import { requestFeedback } from "@/lib/attempt/mutations";
import { ZSaveAnswerBody } from "@/lib/attempt/schema";
import { jsonRoute, readJson } from "@/lib/core/api";
import { db } from "@/lib/core/db";
import type { TLocale } from "@/lib/core/locales";
import { requireApiUser } from "@/lib/core/session";
import { enqueueRoundsSafely } from "@/lib/grading/queue";

/** Saves an open answer and starts a round of rubric feedback on it; the reply names the round to stream. */
export const POST = jsonRoute<{ attemptId: string }>(async (request, { attemptId }) => {
  const user = await requireApiUser();
  const save = await readJson(request, ZSaveAnswerBody);
  const requested = await requestFeedback(db, { attemptId, userId: user.id, save, locale: (await getLocale()) as TLocale });
  if (requested.created) await enqueueRoundsSafely([requested.roundId]);
  return { questionId: save.questionId, seq: requested.seq, savedAt: requested.savedAt.toISOString(), roundId: requested.roundId };
});
