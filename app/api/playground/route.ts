import { getLocale } from "next-intl/server";

import { assertSameSite, errorReply, readJson } from "@/lib/core/api";
import { AppError, isAppError } from "@/lib/core/errors";
import { requireApiUser } from "@/lib/core/session";
import { forwardToWorker, playgroundWorker } from "@/lib/playground/forward";
import { playgroundLimiter } from "@/lib/playground/limiter";
import { playgroundModel } from "@/lib/playground/loaders";
import { ZPlaygroundRequest } from "@/lib/playground/schema";
import { playgroundStream } from "@/lib/playground/stream";

/** The word chain: the model continues the caller's prefix, streamed one token per line (NDJSON). */
export async function POST(request: Request) {
  let release: (() => void) | null = null;
  try {
    assertSameSite(request);
    const user = await requireApiUser();
    // JSON only, as every state-changing route: another site's form cannot send it without a preflight
    const body = await readJson(request, ZPlaygroundRequest);
    const model = playgroundModel();
    if (!model) throw new AppError("MODEL_UNAVAILABLE");
    const verdict = playgroundLimiter().acquire(user.id);
    if (!verdict.ok) {
      const reply = errorReply(new AppError("TOO_MANY_REQUESTS"));
      reply.headers.set("Retry-After", String(verdict.retryAfterSeconds));
      return reply;
    }
    release = verdict.release;
    const traditionalOnly = (await getLocale()) === "zh-TW";
    // The model lives in the grading worker when `npm start` runs one; otherwise in this process
    const worker = playgroundWorker();
    const stream = worker
      ? await forwardToWorker({ worker, request: body, traditionalOnly, signal: request.signal, release })
      : playgroundStream({ model, request: body, traditionalOnly, signal: request.signal, release });
    release = null;
    return new Response(stream, {
      headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
    });
  } catch (error) {
    release?.();
    if (!isAppError(error)) throw error;
    return errorReply(error);
  }
}
