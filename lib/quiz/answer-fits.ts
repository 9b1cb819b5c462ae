import type { TAnswer, TQuestion } from "./schema";

// An answer is stored only when it could have come from the question's own form: the same type,
// and naming only options, items, categories or candidates the question has, each at most once.
// Anything else was not made by our pages, and is refused rather than stored as sent.

const distinct = (values: string[]) => new Set(values).size === values.length;

export function answerFits(question: TQuestion, answer: TAnswer): boolean {
  switch (question.type) {
    case "single_choice":
      return answer.type === "single_choice" && (answer.optionId === null || question.options.some((o) => o.id === answer.optionId));
    case "multiple_select": {
      if (answer.type !== "multiple_select") return false;
      const ids = new Set(question.options.map((o) => o.id));
      return distinct(answer.optionIds) && answer.optionIds.every((id) => ids.has(id));
    }
    case "categorize": {
      if (answer.type !== "categorize") return false;
      const items = new Set(question.items.map((i) => i.id));
      const categories = new Set(question.categories.map((c) => c.id));
      return Object.entries(answer.placements).every(([item, category]) => items.has(item) && categories.has(category));
    }
    case "ordering": {
      if (answer.type !== "ordering") return false;
      const items = new Set(question.items.map((i) => i.id));
      return distinct(answer.order) && answer.order.every((id) => items.has(id));
    }
    case "next_token":
      return answer.type === "next_token" && (answer.candidateId === null || question.candidates.some((c) => c.id === answer.candidateId));
    default:
      return answer.type === question.type;
  }
}
