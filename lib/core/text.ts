import { z } from "zod";

// What PostgreSQL cannot store: a NUL character (text and jsonb both refuse it, error 22P05), and
// a lone UTF-16 surrogate (jsonb refuses its \uD800 escape; text would silently get U+FFFD). Every
// string a user sends is checked for these before it gets near the database: a 400, not a 500.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` can be stored as sent */
export function isStorable(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/** True when some string in `value` (object keys included, any depth) cannot be stored */
export function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !isStorable(value);
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => hasUnstorableText(item, depth + 1));
  return Object.entries(value).some(([key, item]) => !isStorable(key) || hasUnstorableText(item, depth + 1));
}

/** A string PostgreSQL can store, at most `max` characters */
export function zText(max: number) {
  return z.string().max(max).refine(isStorable, { message: "bad_characters" });
}

/** A row id the app made (cuid): letters, digits, "_" and "-". Anything else is refused before a query. */
export const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u);

/** A content id (lectures, quizzes, questions are keyed by the uuid written in content/) */
export const ZUuid = z.uuid();
