import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { answerFits } from "./answer-fits";
import type { TQuestion } from "./schema";

const questions = async () => (await loadContent()).quizzes.flatMap((quiz) => quiz.data.questions as TQuestion[]);
const ofType = async <T extends TQuestion["type"]>(type: T) => (await questions()).find((q) => q.type === type) as Extract<TQuestion, { type: T }>;

describe("answerFits", () => {
  it("takes what the question's own form can send", async () => {
    const single = await ofType("single_choice");
    expect(answerFits(single, { type: "single_choice", optionId: single.options[0]!.id })).toBe(true);
    expect(answerFits(single, { type: "single_choice", optionId: null })).toBe(true);
    const multiple = await ofType("multiple_select");
    expect(answerFits(multiple, { type: "multiple_select", optionIds: multiple.options.slice(0, 2).map((o) => o.id) })).toBe(true);
    const sort = await ofType("categorize");
    expect(answerFits(sort, { type: "categorize", placements: { [sort.items[0]!.id]: sort.categories[1]!.id } })).toBe(true);
    const order = await ofType("ordering");
    expect(answerFits(order, { type: "ordering", order: order.items.map((i) => i.id).reverse() })).toBe(true);
    const next = await ofType("next_token");
    expect(answerFits(next, { type: "next_token", candidateId: next.candidates[0]!.id, typed: "" })).toBe(true);
    expect(answerFits(await ofType("numeric"), { type: "numeric", text: "10^300" })).toBe(true);
    expect(answerFits(await ofType("open"), { type: "open", text: "An answer" })).toBe(true);
  });

  it("refuses another type, unknown options, items, categories or candidates, and repeats", async () => {
    const single = await ofType("single_choice");
    expect(answerFits(single, { type: "numeric", text: "1" })).toBe(false);
    expect(answerFits(single, { type: "single_choice", optionId: "no-such-option" })).toBe(false);
    const multiple = await ofType("multiple_select");
    const first = multiple.options[0]!.id;
    expect(answerFits(multiple, { type: "multiple_select", optionIds: [first, first] })).toBe(false);
    expect(answerFits(multiple, { type: "multiple_select", optionIds: [first, "made-up"] })).toBe(false);
    const sort = await ofType("categorize");
    expect(answerFits(sort, { type: "categorize", placements: { "made-up": sort.categories[0]!.id } })).toBe(false);
    expect(answerFits(sort, { type: "categorize", placements: { [sort.items[0]!.id]: "made-up" } })).toBe(false);
    const order = await ofType("ordering");
    expect(answerFits(order, { type: "ordering", order: [order.items[0]!.id, order.items[0]!.id] })).toBe(false);
    const next = await ofType("next_token");
    expect(answerFits(next, { type: "next_token", candidateId: "made-up", typed: "" })).toBe(false);
    expect(answerFits(await ofType("open"), { type: "short_text", text: "x" })).toBe(false);
  });
});
