import { describe, expect, it } from "vitest";
import { ZQuestion } from "@/lib/quiz/schema";
import { analyseDistractors, classifyNumeric } from "./distractors";

const text = (en: string) => ({ "zh-TW": en, en });
const base = { uuid: "7b0c3f39-8a55-4f0e-9d6f-0a1c1e2d3f40", concepts: ["search-space-size"], section: "search-space", prompt: text("?") };

const searchSpace = ZQuestion.parse({
  ...base,
  type: "numeric",
  answer: "{{V}}^{{L}}",
  parameters: { V: { values: [1000] }, L: { values: [100, 50] } },
  tolerance: { kind: "order_of_magnitude", value: 0.01 },
  correctFeedback: text("yes"),
  incorrectFeedback: text("no"),
  commonMistakes: [{ answer: "10^{{L}}", feedback: text("that is one character per digit") }],
});
if (searchSpace.type !== "numeric") throw new Error("numeric expected");

describe("numeric error kinds", () => {
  it("tells the right answer, a named mistake, another number, unreadable and empty apart", () => {
    const q = { ...searchSpace, answer: "1000^100", commonMistakes: [{ answer: "10^100", feedback: text("x") }] };
    expect(classifyNumeric(q, "10^300")).toEqual({ kind: "correct" });
    expect(classifyNumeric(q, "1e100")).toEqual({ kind: "common_mistake", mistake: 0 });
    expect(classifyNumeric(q, "42")).toEqual({ kind: "other_number" });
    expect(classifyNumeric(q, "a lot")).toEqual({ kind: "unreadable" });
    expect(classifyNumeric(q, "  ")).toEqual({ kind: "unanswered" });
  });

  it("counts a mistake once across variants, labelled as the content writes it", () => {
    const result = analyseDistractors(searchSpace, [
      { answer: { type: "numeric", text: "10^300" }, variant: { V: 1000, L: 100 }, count: 5 },
      { answer: { type: "numeric", text: "10^150" }, variant: { V: 1000, L: 50 }, count: 3 },
      { answer: { type: "numeric", text: "10^100" }, variant: { V: 1000, L: 100 }, count: 4 },
      { answer: { type: "numeric", text: "10^50" }, variant: { V: 1000, L: 50 }, count: 2 },
      { answer: { type: "numeric", text: "many" }, variant: { V: 1000, L: 50 }, count: 1 },
      { answer: { type: "unanswered" }, variant: { V: 1000, L: 50 }, count: 5 },
    ]);
    expect(result).toEqual({
      kind: "numeric",
      total: 20,
      rows: [
        { key: "correct", numericKind: "correct", label: "{{V}}^{{L}}", count: 8, share: 0.4, correct: true },
        { key: "mistake:0", numericKind: "common_mistake", label: "10^{{L}}", count: 6, share: 0.3, correct: false },
        { key: "unreadable", numericKind: "unreadable", label: "", count: 1, share: 0.05, correct: false },
        { key: "unanswered", numericKind: "unanswered", label: "", count: 5, share: 0.25, correct: false },
      ],
    });
  });
});

describe("option and placement shares", () => {
  it("gives each option's share of all responses, with the unanswered apart", () => {
    const q = ZQuestion.parse({ ...base, type: "multiple_select", options: [
      { id: "a", text: text("A"), correct: true, feedback: text("x") },
      { id: "b", text: text("B"), feedback: text("x") },
    ] });
    const result = analyseDistractors(q, [
      { answer: { type: "multiple_select", optionIds: ["a", "b"] }, variant: null, count: 2 },
      { answer: { type: "multiple_select", optionIds: ["a"] }, variant: null, count: 1 },
      { answer: { type: "multiple_select", optionIds: [] }, variant: null, count: 1 },
    ]);
    expect(result).toMatchObject({ kind: "options", multiple: true, unanswered: 1, total: 4, rows: [{ key: "a", count: 3, share: 0.75, correct: true }, { key: "b", count: 2, share: 0.5, correct: false }] });
  });

  it("shows where each item was sorted, so a misplaced example stands out", () => {
    const q = ZQuestion.parse({ ...base, type: "categorize",
      categories: [{ id: "classification", label: text("classification") }, { id: "generation", label: text("generation") }],
      items: [
        { id: "spam", text: text("spam filter"), category: "classification", feedback: text("x") },
        { id: "essay", text: text("write an essay"), category: "generation", feedback: text("x") },
      ] });
    const result = analyseDistractors(q, [
      { answer: { type: "categorize", placements: { spam: "generation", essay: "generation" } }, variant: null, count: 1 },
      { answer: { type: "categorize", placements: { spam: "classification", essay: "generation" } }, variant: null, count: 2 },
      { answer: { type: "categorize", placements: { essay: "classification" } }, variant: null, count: 1 },
    ]);
    if (result.kind !== "placements") throw new Error("placements expected");
    expect(result.items[0]).toMatchObject({ id: "spam", correctCategory: "classification", shares: { classification: 0.5, generation: 0.25 }, unplaced: 0.25 });
    expect(result.items[1]).toMatchObject({ id: "essay", shares: { classification: 0.25, generation: 0.75 }, unplaced: 0 });
  });

  it("groups short answers after normalising them and marks the accepted ones", () => {
    const q = ZQuestion.parse({ ...base, type: "short_text", accepted: ["token"], correctFeedback: text("x"), incorrectFeedback: text("x") });
    const result = analyseDistractors(q, [
      { answer: { type: "short_text", text: "Token" }, variant: null, count: 2 },
      { answer: { type: "short_text", text: "token " }, variant: null, count: 1 },
      { answer: { type: "short_text", text: "word" }, variant: null, count: 1 },
      { answer: { type: "short_text", text: "" }, variant: null, count: 1 },
    ]);
    expect(result).toMatchObject({ kind: "answers", unanswered: 1, others: 0, total: 5, rows: [{ key: "token", count: 3, correct: true }, { key: "word", count: 1, correct: false }] });
  });
});
