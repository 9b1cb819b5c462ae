import "server-only";
import type { z } from "zod";
import { AppError, isAppError, type TAppErrorCode } from "./errors";
import { appOrigin } from "./return-path";
import { hasUnstorableText, ZId } from "./text";

// JSON route handlers: one wrapper turns expected refusals into `{ ok: false, code }` with a
// fitting HTTP status (the browser translates the code), and reads bodies defensively.

const STATUS: Partial<Record<TAppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  QUESTION_NOT_IN_ATTEMPT: 400,
  ANSWER_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  MODEL_UNAVAILABLE: 503,
};

/** Largest JSON body a route takes (an open answer is at most 20,000 characters). */
export const MAX_JSON_BYTES = 256 * 1024;

export function jsonRoute<P>(handler: (request: Request, params: P) => Promise<Record<string, unknown>>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameSite(request);
      const params = await context.params;
      // Every id in a route's path is one the app made: anything else is refused before a query
      for (const value of Object.values(params as Record<string, unknown>)) if (!ZId.safeParse(value).success) throw new AppError("INVALID_INPUT");
      const result = await handler(request, params);
      return Response.json({ ok: true, ...result }, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return errorReply(error);
    }
  };
}

/** An expected refusal as `{ ok: false, code }` with its HTTP status, for routes that do not reply with JSON when they succeed. */
export function errorReply(error: AppError): Response {
  return Response.json({ ok: false, code: error.code }, { status: STATUS[error.code] ?? 409, headers: { "Cache-Control": "no-store" } });
}

/**
 * The request's JSON body checked against `schema`. Only `application/json` is read (a form on
 * another site cannot send that without the browser asking first); a body over the limit or a
 * string over its maximum is "too large", anything else malformed is "invalid".
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) throw new AppError("INVALID_INPUT");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new AppError("ANSWER_TOO_LARGE");
  const text = await readBounded(request, MAX_JSON_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT");
  }
  // NUL characters and lone surrogates cannot be stored, wherever they are in the body
  if (hasUnstorableText(data)) throw new AppError("INVALID_INPUT");
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  if (parsed.error.issues.some((issue) => issue.code === "too_big" && issue.origin === "string")) throw new AppError("ANSWER_TOO_LARGE");
  throw new AppError("INVALID_INPUT");
}

/**
 * The body as text, reading no more than `limit` bytes: a body sent without Content-Length (or
 * with a false one) is cut off at the limit, not read whole first.
 */
export async function readBounded(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw new AppError("ANSWER_TOO_LARGE");
      chunks.push(value);
    }
  } finally {
    if (size > limit) await reader.cancel().catch(() => undefined);
    else reader.releaseLock();
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Refuses a state-changing request another site made the browser send (a cross-site form, or
 * fetch with no-cors): browsers mark it with Sec-Fetch-Site and Origin. A request without either
 * header does not come from a browser page, so it carries no one else's cookies by accident.
 */
export function assertSameSite(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN");
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN");
  }
  if (host !== request.headers.get("host") && origin !== appOrigin()) throw new AppError("FORBIDDEN");
}
