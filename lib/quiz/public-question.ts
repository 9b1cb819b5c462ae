import type { TLocalizedText, TQuestion } from "./schema";

// What the browser may see of a question before the attempt is graded: no keys,
// no "correct" flags, no feedback. Built field by field so that a new key field added to
// a schema can never leak by accident.
export type TPublicQuestion =
  | { id: string; type: "single_choice"; prompt: TLocalizedText; points: number; hint?: TLocalizedText; options: { id: string; text: TLocalizedText }[] }
  | {
      id: string;
      type: "categorize";
      prompt: TLocalizedText;
      points: number;
      hint?: TLocalizedText;
      categories: { id: string; label: TLocalizedText }[];
      items: { id: string; text: TLocalizedText }[];
    }
  | { id: string; type: "numeric"; prompt: TLocalizedText; points: number; hint?: TLocalizedText };

export function toPublicQuestion(id: string, question: TQuestion): TPublicQuestion {
  const base = { id, prompt: question.prompt, points: question.points, ...(question.hint ? { hint: question.hint } : {}) };
  switch (question.type) {
    case "single_choice":
      return { ...base, type: "single_choice", options: question.options.map(({ id: optionId, text }) => ({ id: optionId, text })) };
    case "categorize":
      return {
        ...base,
        type: "categorize",
        categories: question.categories.map(({ id: categoryId, label }) => ({ id: categoryId, label })),
        items: question.items.map(({ id: itemId, text }) => ({ id: itemId, text })),
      };
    case "numeric":
      return { ...base, type: "numeric" };
  }
}
