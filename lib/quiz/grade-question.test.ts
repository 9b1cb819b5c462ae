import { describe, expect, it } from "vitest";
import { gradeQuestion } from "./grade-question";
import { ZQuestion, type TQuestion } from "./schema";

const text = (en: string) => ({ "zh-TW": en, en });
const base = { uuid: "b5bf1e77-c35b-4a09-8cf2-0da3797e5ba8", concepts: ["c"], section: "s", prompt: text("?") };

const single = ZQuestion.parse({
  ...base,
  type: "single_choice",
  options: [
    { id: "a", correct: true, text: text("A"), feedback: text("right") },
    { id: "b", text: text("B"), feedback: text("B is classification") },
  ],
}) as TQuestion;

const categorize = ZQuestion.parse({
  ...base,
  type: "categorize",
  points: 2,
  categories: [{ id: "cls", label: text("Classification") }, { id: "gen", label: text("Generation") }],
  items: [
    { id: "spam", category: "cls", text: text("spam"), feedback: text("spam f") },
    { id: "poem", category: "gen", text: text("poem"), feedback: text("poem f") },
    { id: "cat", category: "cls", text: text("cat"), feedback: text("cat f") },
    { id: "draw", category: "gen", text: text("draw"), feedback: text("draw f") },
  ],
}) as TQuestion;

const numeric = ZQuestion.parse({
  ...base,
  type: "numeric",
  answer: "10^300",
  tolerance: { kind: "order_of_magnitude", value: 0 },
  correctFeedback: text("yes"),
  incorrectFeedback: text("no"),
  commonMistakes: [{ answer: "100^1000", feedback: text("swapped") }],
}) as TQuestion;

describe("gradeQuestion", () => {
  it("single choice: full points and the option's feedback", () => {
    expect(gradeQuestion(single, { type: "single_choice", optionId: "a" })).toMatchObject({ score: 1, outcome: "correct", feedback: [text("right")] });
    expect(gradeQuestion(single, { type: "single_choice", optionId: "b" })).toMatchObject({ score: 0, outcome: "incorrect", feedback: [text("B is classification")] });
    expect(gradeQuestion(single, undefined)).toMatchObject({ score: 0, outcome: "unanswered" });
  });

  it("categorize: proportional credit with per-item verdicts", () => {
    const result = gradeQuestion(categorize, { type: "categorize", placements: { spam: "cls", poem: "gen", cat: "gen" } });
    expect(result.score).toBe(1);
    expect(result.outcome).toBe("partial");
    expect(result.items?.map((item) => [item.id, item.correct])).toEqual([["spam", true], ["poem", true], ["cat", false], ["draw", false]]);
  });

  it("numeric: accepts every spelling of 10^300 and explains known mistakes", () => {
    for (const text of ["1e300", "10^300", "1000^100"]) {
      expect(gradeQuestion(numeric, { type: "numeric", text })).toMatchObject({ score: 1, outcome: "correct" });
    }
    expect(gradeQuestion(numeric, { type: "numeric", text: "10^301" })).toMatchObject({ score: 0, feedback: [text("no")] });
    expect(gradeQuestion(numeric, { type: "numeric", text: "100^1000" })).toMatchObject({ score: 0, feedback: [text("swapped")], reading: "10^2000" });
    expect(gradeQuestion(numeric, { type: "numeric", text: "lots" })).toMatchObject({ score: 0, outcome: "incorrect" });
  });

  it("rejects a single-choice question without exactly one correct option", () => {
    const parsed = ZQuestion.safeParse({ ...base, type: "single_choice", options: [{ id: "a", text: text("A"), feedback: text("f") }, { id: "b", text: text("B"), feedback: text("f") }] });
    expect(parsed.success).toBe(false);
  });
});
