import { z } from "zod";


export const ZLocalizedText = z
  .object({
    "zh-TW": z.string().trim().min(1).describe("Traditional Chinese text"),
    en: z.string().trim().min(1).describe("English text"),
  })
  .strict();
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

const ZId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes");
const ZUuid = z.uuid();

const questionBase = {
  uuid: ZUuid.describe("Stable id: never change it once students have answered"),
  points: z.number().positive().default(1),
  concepts: z.array(ZId).min(1).describe("Concept ids from the lecture's metadata"),
  section: ZId.describe("The lecture section this question tests"),
  prompt: ZLocalizedText,
  hint: ZLocalizedText.optional(),
  difficulty: z.enum(["easy", "medium", "hard"]).default("medium"),
};

export const ZSingleChoice = z
  .object({
    ...questionBase,
    type: z.literal("single_choice"),
    options: z
      .array(
        z
          .object({
            id: ZId,
            text: ZLocalizedText,
            correct: z.boolean().default(false),
            feedback: ZLocalizedText.describe("Shown after grading when this option was chosen"),
          })
          .strict(),
      )
      .min(2),
  })
  .strict()
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: "a single-choice question needs exactly one correct option",
    path: ["options"],
  });

export const ZCategorize = z
  .object({
    ...questionBase,
    type: z.literal("categorize"),
    categories: z.array(z.object({ id: ZId, label: ZLocalizedText }).strict()).min(2),
    items: z
      .array(
        z
          .object({
            id: ZId,
            text: ZLocalizedText,
            category: ZId,
            feedback: ZLocalizedText.describe("Why the item belongs to its category"),
          })
          .strict(),
      )
      .min(2),
  })
  .strict()
  .refine((q) => q.items.every((item) => q.categories.some((c) => c.id === item.category)), {
    message: "every item's category must be one of the question's categories",
    path: ["items"],
  });

export const ZNumeric = z
  .object({
    ...questionBase,
    type: z.literal("numeric"),
    answer: z.string().describe("The key, written the way a student could type it, e.g. 10^300"),
    tolerance: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("absolute"), value: z.number().nonnegative() }).strict(),
      z.object({ kind: z.literal("relative"), value: z.number().nonnegative() }).strict(),
      z
        .object({ kind: z.literal("order_of_magnitude"), value: z.number().nonnegative() })
        .strict()
        .describe("Accept when |log10(answer) - log10(key)| <= value"),
    ]),
    correctFeedback: ZLocalizedText,
    incorrectFeedback: ZLocalizedText,
    commonMistakes: z
      .array(z.object({ answer: z.string(), feedback: ZLocalizedText }).strict())
      .default([])
      .describe("Wrong answers worth a specific explanation"),
  })
  .strict();

export const ZQuestion = z.discriminatedUnion("type", [ZSingleChoice, ZCategorize, ZNumeric]);
export type TQuestion = z.infer<typeof ZQuestion>;
export type TSingleChoice = z.infer<typeof ZSingleChoice>;
export type TCategorize = z.infer<typeof ZCategorize>;
export type TNumeric = z.infer<typeof ZNumeric>;
export type TQuestionType = TQuestion["type"];

// What a student sends for each question type. Unanswered parts are simply missing.
export const ZAnswer = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single_choice"), optionId: z.string().max(100).nullable() }),
  z.object({
    type: z.literal("categorize"),
    placements: z.record(z.string().max(100), z.string().max(100)),
  }),
  z.object({ type: z.literal("numeric"), text: z.string().max(2000) }),
]);
export type TAnswer = z.infer<typeof ZAnswer>;
