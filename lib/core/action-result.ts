import type { z } from "zod";
import { isAppError } from "./errors";

// What server actions answer: `ok`, or a code the UI translates, with zod's messages per field.

/** Expected refusals (not allowed, not found …) come back as a code the UI translates. */
export async function guarded<R>(work: () => Promise<R>): Promise<R | { ok: false; code: string }> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code };
    throw error;
  }
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A problem in a list is reported at ["sections", i]: the field is the first path element.
  return Object.fromEntries(error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}
