import { gradeQuestion } from "@/lib/quiz/grade-question";
import { normaliseText } from "@/lib/quiz/normalise-text";
import { parseNumber } from "@/lib/quiz/parse-number";
import type { TAnswer, TLocalizedText, TNumeric, TQuestion } from "@/lib/quiz/schema";
import { parseKey, withinTolerance } from "@/lib/quiz/score-numeric";
import { instantiate, type TVariant } from "@/lib/quiz/variants";

// What students chose, question by question: each option's share, where each item was sorted,
// and which kind of wrong number was given. Input is the distinct answers with how many gave each.

export type TAnswerGroup = { answer: unknown; variant: TVariant | null; count: number };

/** A label is the question's own text (localised on the page) or a string as the student wrote it. */
export type TShareRow = { key: string; label: TLocalizedText | string; count: number; share: number; correct: boolean };

export type TDistractors =
  | { kind: "options"; multiple: boolean; rows: TShareRow[]; unanswered: number; total: number }
  | {
      kind: "placements";
      categories: { id: string; label: TLocalizedText }[];
      items: { id: string; text: TLocalizedText; correctCategory: string; shares: Record<string, number>; unplaced: number }[];
      total: number;
    }
  | { kind: "numeric"; rows: (TShareRow & { numericKind: TNumericKind })[]; total: number }
  | { kind: "answers"; ordering: boolean; rows: TShareRow[]; others: number; unanswered: number; total: number }
  | { kind: "open"; total: number };

export type TNumericKind = "correct" | "common_mistake" | "other_number" | "unreadable" | "unanswered";

/** Distinct wrong answers listed for short-text and ordering questions; the rest are counted together. */
const TOP_ANSWERS = 8;

const asAnswer = (value: unknown): TAnswer | null => (value && typeof value === "object" && "type" in value ? (value as TAnswer) : null);

export function analyseDistractors(question: TQuestion, groups: TAnswerGroup[]): TDistractors {
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const share = (count: number) => (total ? count / total : 0);
  const answered = (type: TAnswer["type"]) => groups.flatMap((group) => {
    const answer = asAnswer(group.answer);
    return answer?.type === type ? [{ answer, count: group.count, variant: group.variant }] : [];
  });

  switch (question.type) {
    case "single_choice":
    case "multiple_select": {
      const counts = new Map<string, number>();
      let unanswered = total;
      for (const { answer, count } of answered(question.type)) {
        const picked = answer.type === "single_choice" ? (answer.optionId ? [answer.optionId] : []) : answer.type === "multiple_select" ? answer.optionIds : [];
        if (picked.length) unanswered -= count;
        for (const id of new Set(picked)) counts.set(id, (counts.get(id) ?? 0) + count);
      }
      const rows = question.options.map((option) => ({ key: option.id, label: option.text, count: counts.get(option.id) ?? 0, share: share(counts.get(option.id) ?? 0), correct: option.correct }));
      return { kind: "options", multiple: question.type === "multiple_select", rows, unanswered, total };
    }
    case "next_token": {
      const counts = new Map<string, number>();
      const typed = new Map<string, number>();
      let unanswered = total;
      for (const { answer, count } of answered("next_token")) {
        if (answer.type !== "next_token") continue;
        const text = normaliseText(answer.typed ?? "");
        const candidate = question.candidates.find((c) => c.id === answer.candidateId) ?? (text ? question.candidates.find((c) => normaliseText(c.token["zh-TW"]) === text || normaliseText(c.token.en) === text) : undefined);
        if (candidate) counts.set(candidate.id, (counts.get(candidate.id) ?? 0) + count);
        else if (text) typed.set(answer.typed.trim(), (typed.get(answer.typed.trim()) ?? 0) + count);
        if (candidate || text) unanswered -= count;
      }
      const rows: TShareRow[] = question.candidates.map((c) => ({ key: c.id, label: c.token, count: counts.get(c.id) ?? 0, share: share(counts.get(c.id) ?? 0), correct: c.probability >= question.plausibleAt }));
      for (const [text, count] of [...typed].sort((a, b) => b[1] - a[1]).slice(0, TOP_ANSWERS)) rows.push({ key: `typed:${text}`, label: text, count, share: share(count), correct: false });
      return { kind: "options", multiple: false, rows, unanswered, total };
    }
    case "categorize": {
      const items = question.items.map((item) => ({ id: item.id, text: item.text, correctCategory: item.category, shares: Object.fromEntries(question.categories.map((c) => [c.id, 0])), unplaced: 0 }));
      for (const item of items) {
        let placed = 0;
        for (const { answer, count } of answered("categorize")) {
          const category = answer.type === "categorize" ? answer.placements[item.id] : undefined;
          if (category !== undefined && category in item.shares) {
            item.shares[category]! += count;
            placed += count;
          }
        }
        item.unplaced = share(total - placed);
        for (const id of Object.keys(item.shares)) item.shares[id] = share(item.shares[id]!);
      }
      return { kind: "placements", categories: question.categories.map((c) => ({ id: c.id, label: c.label })), items, total };
    }
    case "numeric": {
      const rows = new Map<string, TShareRow & { numericKind: TNumericKind }>();
      const add = (key: string, numericKind: TNumericKind, label: string, count: number) => {
        const row = rows.get(key) ?? { key, numericKind, label, count: 0, share: 0, correct: numericKind === "correct" };
        row.count += count;
        row.share = share(row.count);
        rows.set(key, row);
      };
      for (const group of groups) {
        const answer = asAnswer(group.answer);
        const text = answer?.type === "numeric" ? answer.text : "";
        const { kind, mistake } = classifyNumeric(instantiate(question, group.variant ?? {}), text);
        // Labelled as the content writes them, so that every variant's 10^100 is one row
        if (kind === "common_mistake") add(`mistake:${mistake}`, kind, question.commonMistakes[mistake!]!.answer, group.count);
        else add(kind, kind, kind === "correct" ? question.answer : "", group.count);
      }
      const order: TNumericKind[] = ["correct", "common_mistake", "other_number", "unreadable", "unanswered"];
      return { kind: "numeric", rows: [...rows.values()].sort((a, b) => order.indexOf(a.numericKind) - order.indexOf(b.numericKind) || b.count - a.count), total };
    }
    case "short_text":
    case "ordering": {
      const byKey = new Map<string, TShareRow>();
      let unanswered = 0;
      for (const group of groups) {
        const answer = asAnswer(group.answer);
        const result = gradeQuestion(instantiate(question, group.variant ?? {}), answer ?? undefined);
        if (result.outcome === "unanswered") {
          unanswered += group.count;
          continue;
        }
        const label = answer?.type === "short_text" ? answer.text.trim() : answer?.type === "ordering" && question.type === "ordering" ? orderLabel(question.items, answer.order) : "";
        const key = answer?.type === "short_text" ? normaliseText(answer.text) : label;
        const row = byKey.get(key) ?? { key, label, count: 0, share: 0, correct: result.outcome === "correct" };
        row.count += group.count;
        row.share = share(row.count);
        byKey.set(key, row);
      }
      const sorted = [...byKey.values()].sort((a, b) => b.count - a.count);
      const shown = sorted.slice(0, TOP_ANSWERS);
      return { kind: "answers", ordering: question.type === "ordering", rows: shown, others: sorted.slice(TOP_ANSWERS).reduce((sum, row) => sum + row.count, 0), unanswered, total };
    }
    case "open":
      return { kind: "open", total };
  }
}

/** An order of items as their positions in the key: "1 → 3 → 2" */
function orderLabel(items: { id: string }[], order: string[]): string {
  return order.map((id) => String(items.findIndex((item) => item.id === id) + 1)).join(" → ");
}

/** Which kind of number a student gave, and for a common mistake which one (its index in the question). */
export function classifyNumeric(question: TNumeric, text: string): { kind: TNumericKind; mistake?: number } {
  const parsed = parseNumber(text);
  if (!parsed.ok) return { kind: parsed.reason === "empty" ? "unanswered" : "unreadable" };
  if (withinTolerance(parsed, parseKey(question.answer), question.tolerance)) return { kind: "correct" };
  const mistake = question.commonMistakes.findIndex((m) => withinTolerance(parsed, parseKey(m.answer), question.tolerance));
  return mistake >= 0 ? { kind: "common_mistake", mistake } : { kind: "other_number" };
}
