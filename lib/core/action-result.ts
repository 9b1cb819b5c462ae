import { z } from "zod";
import { AppError, isAppError } from "./errors";

// What server actions answer: `ok`, or a code the UI translates, with zod's messages per field.

/** Prisma's "the row to update or delete does not exist" (P2025), without importing the client here */
function isMissingRow(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/**
 * Expected refusals (not allowed, not found …) come back as a code the UI translates. Arguments
 * that fail their schema are INVALID_INPUT and a row that is not there is NOT_FOUND, never an
 * error digest.
 */
export async function guarded<R>(work: () => Promise<R>): Promise<R | { ok: false; code: string }> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code };
    if (error instanceof z.ZodError) return { ok: false, code: "INVALID_INPUT" };
    if (isMissingRow(error)) return { ok: false, code: "NOT_FOUND" };
    throw error;
  }
}

/** `schema.parse(value)`, refusing with INVALID_INPUT (for use inside `guarded` and JSON routes) */
export function parseOrRefuse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  return parsed.data;
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A problem in a list is reported at ["sections", i]: the field is the first path element.
  return Object.fromEntries(error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}
