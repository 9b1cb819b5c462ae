import { getLocale } from "next-intl/server";

import { submitAttempt } from "@/lib/attempt/mutations";
import { ZSubmitBody } from "@/lib/attempt/schema";
import { jsonRoute, readJson } from "@/lib/core/api";
import { db } from "@/lib/core/db";
import type { TLocale } from "@/lib/core/locales";
import { requireApiUser } from "@/lib/core/session";
import { enqueueRoundsSafely } from "@/lib/grading/queue";

/** Submits the caller's attempt with the answers the browser still holds; a repeat changes nothing. */
export const POST = jsonRoute<{ attemptId: string }>(async (request, { attemptId }) => {
  const user = await requireApiUser();
  const { answers } = await readJson(request, ZSubmitBody);
  const outcome = await submitAttempt(db, { attemptId, userId: user.id, answers, locale: (await getLocale()) as TLocale });
  await enqueueRoundsSafely(outcome.roundIds);
  return { attemptId: outcome.attemptId, alreadySubmitted: outcome.alreadySubmitted };
});
