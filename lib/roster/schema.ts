import { z } from "zod";

export const ZClassFields = z.object({
  name: z.string().trim().min(1, "required").max(120, "too_long"),
  term: z.string().trim().max(60, "too_long").transform((value) => value || null),
});

export const ZRole = z.enum(["INSTRUCTOR", "TA", "STUDENT"]);
export const ZJoinCode = z
  .string()
  .transform((value) => value.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/));

export type TActionResult<T = object> = ({ ok: true } & T) | { ok: false; code: string; fields?: Record<string, string> };

export const IMPORT_BATCH = 500;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
