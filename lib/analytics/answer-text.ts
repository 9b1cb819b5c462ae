import { localize } from "@/lib/content/localize";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";

/**
 * A stored answer as a person reads it: option texts instead of ids, "item → category" for
 * sorting, the order of items. Used by the responses export and the student drill-down.
 */
export function answerText(question: TQuestion, stored: unknown, locale: string): string {
  const answer = stored && typeof stored === "object" && "type" in stored ? (stored as TAnswer) : null;
  if (!answer || answer.type !== question.type) return "";
  switch (answer.type) {
    case "single_choice":
    case "multiple_select": {
      if (question.type !== "single_choice" && question.type !== "multiple_select") return "";
      const ids = answer.type === "single_choice" ? (answer.optionId ? [answer.optionId] : []) : answer.optionIds;
      return ids.map((id) => { const option = question.options.find((o) => o.id === id); return option ? localize(option.text, locale) : id; }).join("; ");
    }
    case "categorize": {
      if (question.type !== "categorize") return "";
      return question.items
        .filter((item) => answer.placements[item.id])
        .map((item) => { const category = question.categories.find((c) => c.id === answer.placements[item.id]); return `${localize(item.text, locale)} → ${category ? localize(category.label, locale) : answer.placements[item.id]}`; })
        .join("; ");
    }
    case "ordering": {
      if (question.type !== "ordering") return "";
      return answer.order.map((id) => { const item = question.items.find((i) => i.id === id); return item ? localize(item.text, locale) : id; }).join(" → ");
    }
    case "next_token": {
      if (question.type !== "next_token") return "";
      const candidate = question.candidates.find((c) => c.id === answer.candidateId);
      return candidate ? localize(candidate.token, locale) : (answer.typed ?? "");
    }
    case "numeric":
    case "short_text":
    case "open":
      return answer.text;
  }
}
