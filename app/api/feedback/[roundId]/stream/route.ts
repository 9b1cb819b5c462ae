import { z } from "zod";
import { ZId } from "@/lib/core/text";

import { isAppError } from "@/lib/core/errors";
import { requireRoundReader } from "@/lib/grading/access";
import { streamRound } from "@/lib/grading/sse-stream";

const ZLastEventId = z.coerce.number().int().min(0).catch(0);

/** The round's feedback as server-sent events, from after the last event the browser has. */
export async function GET(request: Request, context: { params: Promise<{ roundId: string }> }) {
  const { roundId } = await context.params;
  if (!ZId.safeParse(roundId).success) return Response.json({ ok: false, code: "INVALID_INPUT" }, { status: 400, headers: { "Cache-Control": "no-store" } });
  try {
    await requireRoundReader(roundId);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const status = error.code === "UNAUTHENTICATED" ? 401 : 404;
    return Response.json({ ok: false, code: error.code }, { status, headers: { "Cache-Control": "no-store" } });
  }
  const after = ZLastEventId.parse(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? 0);
  return new Response(streamRound(roundId, after, request.signal), {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
