import { setFlag } from "@/lib/attempt/mutations";
import { ZFlagBody } from "@/lib/attempt/schema";
import { jsonRoute, readJson } from "@/lib/core/api";
import { db } from "@/lib/core/db";
import { requireApiUser } from "@/lib/core/session";

/** Flags (or unflags) a question of the caller's own attempt for later. */
export const POST = jsonRoute<{ attemptId: string }>(async (request, { attemptId }) => {
  const user = await requireApiUser();
  const body = await readJson(request, ZFlagBody);
  return { flagged: await setFlag(db, { attemptId, userId: user.id, ...body }) };
});
