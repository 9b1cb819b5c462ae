import { z } from "zod";
import { ZLocalizedText, ZQuestion } from "@/lib/quiz/schema";

const ZId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes");

export const ZLectureFile = z
  .object({
    uuid: z.uuid().describe("Stable id of the lecture"),
    number: z.number().int().positive().describe("Position in the course"),
    title: ZLocalizedText,
    summary: ZLocalizedText.describe("One or two sentences shown in lists"),
    concepts: z
      .array(z.object({ id: ZId, name: ZLocalizedText }).strict())
      .min(1)
      .describe("What the lecture teaches; questions name the concepts they test"),
    sections: z
      .array(
        z
          .object({ id: ZId, title: ZLocalizedText, concepts: z.array(ZId).min(1) })
          .strict()
          .describe("One per '## ' heading of the notes, in the same order"),
      )
      .min(1),
  })
  .strict();
export type TLectureFile = z.infer<typeof ZLectureFile>;

export const ZQuizFile = z
  .object({
    uuid: z.uuid().describe("Stable id of the quiz"),
    lecture: z.uuid().describe("uuid of the lecture this quiz belongs to"),
    title: ZLocalizedText,
    description: ZLocalizedText.optional(),
    kind: z
      .enum(["assessment", "check_yourself"])
      .default("assessment")
      .describe("check_yourself: one question per lecture section, shown inline in the notes with instant feedback"),
    questions: z.array(ZQuestion).min(1),
  })
  .strict();
export type TQuizFile = z.infer<typeof ZQuizFile>;
