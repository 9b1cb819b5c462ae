import { z } from "zod";
import { isStorable } from "@/lib/core/text";

export const ZClassFields = z.object({
  name: z.string().trim().min(1, "required").max(120, "too_long").refine(isStorable, "bad_characters"),
  term: z.string().trim().max(60, "too_long").refine(isStorable, "bad_characters").transform((value) => value || null),
  sections: z
    .string()
    .max(2000, "too_long")
    .refine(isStorable, "bad_characters")
    .default("")
    .transform((value) => parseSections(value))
    .pipe(z.array(z.string().max(40, "section_too_long")).max(50, "too_many_sections")),
});

/** "A, B、C" → ["A", "B", "C"]: commas (half or full width), 、, semicolons or new lines separate sections. */
export function parseSections(text: string): string[] {
  const names = text.split(/[,，、;；\n]/).map((name) => name.normalize("NFKC").trim()).filter(Boolean);
  return [...new Set(names)];
}

export const ZRole = z.enum(["INSTRUCTOR", "TA", "STUDENT"]);
export const ZJoinCode = z
  .string()
  .max(64)
  .transform((value) => value.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/));

export type TActionResult<T = object> = ({ ok: true } & T) | { ok: false; code: string; fields?: Record<string, string> };

export const IMPORT_BATCH = 500;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
