import type { TLocalizedText, TQuestion } from "./schema";
import { shuffled } from "./variants";

// What the browser may see of a question before the attempt is graded: no keys, no
// "correct" flags, no probabilities, no feedback, no rubric. Built field by field so that
// a new key field added to a schema can never leak by accident.
type TBase = { id: string; prompt: TLocalizedText; points: number; hint?: TLocalizedText };
type TChoice = { id: string; text: TLocalizedText };
export type TPublicQuestion =
  | (TBase & { type: "single_choice"; options: TChoice[] })
  | (TBase & { type: "multiple_select"; options: TChoice[]; scoring: "all_or_nothing" | "per_option" | "right_minus_wrong" })
  | (TBase & { type: "categorize"; categories: { id: string; label: TLocalizedText }[]; items: TChoice[] })
  | (TBase & { type: "ordering"; items: TChoice[] })
  | (TBase & { type: "numeric" })
  | (TBase & { type: "short_text" })
  | (TBase & { type: "next_token"; context: TLocalizedText; candidates: { id: string; token: TLocalizedText }[]; allowTyped: boolean })
  | (TBase & { type: "open" });

const choices = (items: { id: string; text: TLocalizedText }[]): TChoice[] => items.map(({ id, text }) => ({ id, text }));

/**
 * `question` must already be instantiated for its variant; `seed` fixes the shown order.
 * Ordering items and next-token candidates are always shuffled; options and categorize items
 * unless an assignment turns it off (check-yourself questions and attempts without an assignment
 * are shuffled too, so the key sits first no more often than chance).
 */
export function toPublicQuestion(id: string, question: TQuestion, seed: string, options: { shuffleOptions?: boolean } = {}): TPublicQuestion {
  const maybeShuffled = <T,>(items: T[], salt: string) => (options.shuffleOptions ? shuffled(items, `${seed}:${salt}`) : items);
  const base: TBase = { id, prompt: question.prompt, points: question.points, ...(question.hint ? { hint: question.hint } : {}) };
  switch (question.type) {
    case "single_choice":
      return { ...base, type: "single_choice", options: choices(maybeShuffled(question.options, "options")) };
    case "multiple_select":
      return { ...base, type: "multiple_select", options: choices(maybeShuffled(question.options, "options")), scoring: question.scoring };
    case "categorize":
      return {
        ...base,
        type: "categorize",
        categories: question.categories.map(({ id: categoryId, label }) => ({ id: categoryId, label })),
        items: choices(maybeShuffled(question.items, "items")),
      };
    case "ordering": {
      // Never show the items in the order that is the answer.
      let items = shuffled(question.items, `${seed}:order`);
      if (items.every((item, index) => item.id === question.items[index]!.id)) items = [...items.slice(1), items[0]!];
      return { ...base, type: "ordering", items: choices(items) };
    }
    case "numeric":
      return { ...base, type: "numeric" };
    case "short_text":
      return { ...base, type: "short_text" };
    case "next_token":
      return {
        ...base,
        type: "next_token",
        context: question.context,
        candidates: shuffled(question.candidates, `${seed}:candidates`).map(({ id: candidateId, token }) => ({ id: candidateId, token })),
        allowTyped: question.allowTyped,
      };
    case "open":
      return { ...base, type: "open" };
  }
}
