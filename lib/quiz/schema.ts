import { z } from "zod";
import { zText } from "@/lib/core/text";

export const ZLocalizedText = z
  .object({
    "zh-TW": z.string().trim().min(1).describe("Traditional Chinese text"),
    en: z.string().trim().min(1).describe("English text"),
  })
  .strict();
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

const ZId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes");
const ZUuid = z.uuid();

/** A parameter of a question variant: one of a list of values, or an integer range. */
const ZParameter = z.union([
  z.object({ values: z.array(z.number()).min(1) }).strict(),
  z
    .object({
      range: z.tuple([z.number().int(), z.number().int()]).refine(([low, high]) => low <= high, "range must be [low, high]"),
      step: z.number().int().positive().default(1),
    })
    .strict(),
]);

const questionBase = {
  uuid: ZUuid.describe("Stable id: never change it once students have answered"),
  points: z.number().positive().default(1),
  concepts: z.array(ZId).min(1).describe("Concept ids from the lecture's metadata"),
  section: ZId.describe("The lecture section this question tests"),
  prompt: ZLocalizedText,
  hint: ZLocalizedText.optional(),
  difficulty: z.enum(["easy", "medium", "hard"]).default("medium"),
  parameters: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "parameter names are letters and digits"), ZParameter)
    .optional()
    .describe("Per-attempt values, written {{name}} in texts and answers"),
};

const ZOption = z
  .object({
    id: ZId,
    text: ZLocalizedText,
    correct: z.boolean().default(false),
    feedback: ZLocalizedText.describe("Shown after grading when this option was chosen"),
  })
  .strict();

export const ZSingleChoice = z
  .object({ ...questionBase, type: z.literal("single_choice"), options: z.array(ZOption).min(2) })
  .strict()
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: "a single-choice question needs exactly one correct option",
    path: ["options"],
  });

export const ZMultipleSelect = z
  .object({
    ...questionBase,
    type: z.literal("multiple_select"),
    options: z.array(ZOption).min(2),
    scoring: z
      .enum(["all_or_nothing", "per_option", "right_minus_wrong"])
      .default("right_minus_wrong")
      .describe("per_option: each option judged right earns 1/n; right_minus_wrong: (right picks - wrong picks) / correct options, at least 0"),
  })
  .strict()
  .refine((q) => q.options.some((o) => o.correct), { message: "a multiple-select question needs at least one correct option", path: ["options"] });

export const ZCategorize = z
  .object({
    ...questionBase,
    type: z.literal("categorize"),
    categories: z.array(z.object({ id: ZId, label: ZLocalizedText }).strict()).min(2),
    items: z
      .array(z.object({ id: ZId, text: ZLocalizedText, category: ZId, feedback: ZLocalizedText.describe("Why the item belongs to its category") }).strict())
      .min(2),
  })
  .strict()
  .refine((q) => q.items.every((item) => q.categories.some((c) => c.id === item.category)), {
    message: "every item's category must be one of the question's categories",
    path: ["items"],
  });

export const ZOrdering = z
  .object({
    ...questionBase,
    type: z.literal("ordering"),
    items: z.array(z.object({ id: ZId, text: ZLocalizedText }).strict()).min(3).describe("In the correct order; students see them shuffled"),
    scoring: z.enum(["all_or_nothing", "pairs"]).default("pairs").describe("pairs: share of item pairs in the right relative order"),
    correctFeedback: ZLocalizedText,
    incorrectFeedback: ZLocalizedText,
  })
  .strict();

export const ZNumeric = z
  .object({
    ...questionBase,
    type: z.literal("numeric"),
    answer: z.string().describe("The key, written the way a student could type it, e.g. 10^300 or {{V}}^{{L}}"),
    tolerance: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("absolute"), value: z.number().nonnegative() }).strict(),
      z.object({ kind: z.literal("relative"), value: z.number().nonnegative() }).strict(),
      z.object({ kind: z.literal("order_of_magnitude"), value: z.number().nonnegative() }).strict().describe("Accept when |log10(answer) - log10(key)| <= value"),
    ]),
    correctFeedback: ZLocalizedText,
    incorrectFeedback: ZLocalizedText,
    commonMistakes: z.array(z.object({ answer: z.string(), feedback: ZLocalizedText }).strict()).default([]).describe("Wrong answers worth a specific explanation"),
  })
  .strict();

export const ZShortText = z
  .object({
    ...questionBase,
    type: z.literal("short_text"),
    accepted: z.array(z.string().min(1)).min(1).describe("Accepted answers, compared after normalising width, case and spaces"),
    patterns: z
      .array(z.string().max(200).refine((p) => { try { new RegExp(p, "u"); return true; } catch { return false; } }, "not a valid regular expression"))
      .default([])
      .describe("Regular expressions also accepted, matched against the normalised answer"),
    correctFeedback: ZLocalizedText,
    incorrectFeedback: ZLocalizedText,
  })
  .strict();

export const ZNextToken = z
  .object({
    ...questionBase,
    type: z.literal("next_token"),
    context: ZLocalizedText.describe("The text so far; the student continues it"),
    candidates: z
      .array(z.object({ id: ZId, token: ZLocalizedText, probability: z.number().min(0).max(1), feedback: ZLocalizedText.optional() }).strict())
      .min(2)
      .describe("Plausible next tokens with the author's illustrative probabilities (these grade; a real model's numbers are computed at start-up and shown beside them)"),
    plausibleAt: z.number().min(0).max(1).default(0.05).describe("A token at least this likely earns the points"),
    allowTyped: z.boolean().default(true).describe("Whether the student may type a token instead of picking one"),
  })
  .strict()
  .refine((q) => q.candidates.reduce((sum, c) => sum + c.probability, 0) <= 1 + 1e-9, { message: "the probabilities add up to more than 1", path: ["candidates"] })
  .refine((q) => q.candidates.some((c) => c.probability >= q.plausibleAt), { message: "no candidate reaches plausibleAt", path: ["plausibleAt"] });

const ZPhrasings = z.object({ "zh-TW": z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) }).strict();

export const ZOpen = z
  .object({
    ...questionBase,
    type: z.literal("open"),
    referenceAnswer: ZLocalizedText,
    rubric: z
      .object({
        criteria: z
          .array(
            z
              .object({
                id: ZId,
                description: ZLocalizedText,
                points: z.number().positive(),
                keyIdeas: z.array(z.object({ id: ZId, phrasings: ZPhrasings }).strict()).min(1),
                feedbackMissing: ZLocalizedText.optional(),
              })
              .strict(),
          )
          .min(1),
        misconceptions: z.array(z.object({ id: ZId, description: ZLocalizedText, phrasings: ZPhrasings, feedback: ZLocalizedText }).strict()).default([]),
      })
      .strict(),
  })
  .strict()
  .refine((q) => Math.abs(q.rubric.criteria.reduce((sum, c) => sum + c.points, 0) - q.points) < 1e-9, {
    message: "the rubric's criteria must add up to the question's points",
    path: ["rubric", "criteria"],
  });

export const QUESTION_TYPES = ["single_choice", "multiple_select", "categorize", "ordering", "numeric", "short_text", "next_token", "open"] as const;

export const ZQuestion = z.discriminatedUnion("type", [ZSingleChoice, ZMultipleSelect, ZCategorize, ZOrdering, ZNumeric, ZShortText, ZNextToken, ZOpen], {
  error: (issue) => (issue.code === "invalid_union" ? `unknown question type; allowed types: ${QUESTION_TYPES.join(", ")}` : undefined),
});
export type TQuestion = z.infer<typeof ZQuestion>;
export type TSingleChoice = z.infer<typeof ZSingleChoice>;
export type TMultipleSelect = z.infer<typeof ZMultipleSelect>;
export type TCategorize = z.infer<typeof ZCategorize>;
export type TOrdering = z.infer<typeof ZOrdering>;
export type TNumeric = z.infer<typeof ZNumeric>;
export type TShortText = z.infer<typeof ZShortText>;
export type TNextToken = z.infer<typeof ZNextToken>;
export type TOpen = z.infer<typeof ZOpen>;
export type TQuestionType = TQuestion["type"];

// What a student sends for each question type. Unanswered parts are simply missing.
const ZShortString = zText(100);
export const ZAnswer = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single_choice"), optionId: ZShortString.nullable() }),
  z.object({ type: z.literal("multiple_select"), optionIds: z.array(ZShortString).max(50) }),
  z.object({ type: z.literal("categorize"), placements: z.record(ZShortString, ZShortString) }),
  z.object({ type: z.literal("ordering"), order: z.array(ZShortString).max(50) }),
  z.object({ type: z.literal("numeric"), text: zText(2000) }),
  z.object({ type: z.literal("short_text"), text: zText(500) }),
  z.object({ type: z.literal("next_token"), candidateId: ZShortString.nullable(), typed: zText(50).default("") }),
  z.object({ type: z.literal("open"), text: zText(20_000) }),
]);
export type TAnswer = z.infer<typeof ZAnswer>;
