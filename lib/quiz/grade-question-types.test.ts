import { describe, expect, it } from "vitest";
import { gradeQuestion } from "./grade-question";
import { toPublicQuestion } from "./public-question";
import { ZQuestion, type TQuestion } from "./schema";
import { drawVariant, instantiate } from "./variants";

const text = (en: string) => ({ "zh-TW": `${en}（中）`, en });
const base = { uuid: "a1b99640-7fed-41ab-8fd3-a5319d60adf0", concepts: ["c"], section: "s", prompt: text("?") };
const q = (fields: Record<string, unknown>) => ZQuestion.parse({ ...base, ...fields }) as TQuestion;

const multi = (scoring: string) =>
  q({
    type: "multiple_select",
    points: 2,
    scoring,
    options: [
      { id: "a", correct: true, text: text("A"), feedback: text("a") },
      { id: "b", correct: true, text: text("B"), feedback: text("b") },
      { id: "c", text: text("C"), feedback: text("c") },
      { id: "d", text: text("D"), feedback: text("d") },
    ],
  });

describe("multiple select", () => {
  it("right_minus_wrong: (right - wrong) / correct options, never below 0", () => {
    expect(gradeQuestion(multi("right_minus_wrong"), { type: "multiple_select", optionIds: ["a", "b"] }).score).toBe(2);
    expect(gradeQuestion(multi("right_minus_wrong"), { type: "multiple_select", optionIds: ["a"] }).score).toBe(1);
    expect(gradeQuestion(multi("right_minus_wrong"), { type: "multiple_select", optionIds: ["a", "c"] }).score).toBe(0);
    expect(gradeQuestion(multi("right_minus_wrong"), { type: "multiple_select", optionIds: ["c", "d"] }).score).toBe(0);
  });
  it("per_option: each option judged right earns 1/n", () => {
    expect(gradeQuestion(multi("per_option"), { type: "multiple_select", optionIds: ["a", "c"] }).score).toBe(1);
  });
  it("all_or_nothing", () => {
    expect(gradeQuestion(multi("all_or_nothing"), { type: "multiple_select", optionIds: ["a"] }).score).toBe(0);
    expect(gradeQuestion(multi("all_or_nothing"), { type: "multiple_select", optionIds: ["b", "a"] })).toMatchObject({ score: 2, outcome: "correct" });
  });
});

describe("ordering", () => {
  const ordering = q({
    type: "ordering",
    points: 3,
    items: ["read", "score", "pick", "append"].map((id) => ({ id, text: text(id) })),
    correctFeedback: text("yes"),
    incorrectFeedback: text("no"),
  });
  it("pairs: credit for each pair in the right relative order", () => {
    expect(gradeQuestion(ordering, { type: "ordering", order: ["read", "score", "pick", "append"] })).toMatchObject({ score: 3, outcome: "correct" });
    // one adjacent swap: 5 of 6 pairs right
    expect(gradeQuestion(ordering, { type: "ordering", order: ["read", "pick", "score", "append"] }).score).toBe(2.5);
    expect(gradeQuestion(ordering, { type: "ordering", order: ["append", "pick", "score", "read"] }).score).toBe(0);
  });
  it("an order that is not a permutation of the items counts as unanswered", () => {
    expect(gradeQuestion(ordering, { type: "ordering", order: ["read", "read", "pick", "append"] }).outcome).toBe("unanswered");
  });
  it("is never shown in the order that is the answer", () => {
    for (let i = 0; i < 50; i++) {
      const shown = toPublicQuestion("id", ordering, `seed-${i}`);
      expect(shown.type === "ordering" && shown.items.map((item) => item.id)).not.toEqual(["read", "score", "pick", "append"]);
    }
  });
});

describe("short text", () => {
  const short = q({ type: "short_text", accepted: ["文字接龍", "next-token prediction"], patterns: ["^next\\s?token"], correctFeedback: text("y"), incorrectFeedback: text("n") });
  it.each(["文字接龍", " 文字接龍。", "Next-Token Prediction", "ｎｅｘｔ－ｔｏｋｅｎ ｐｒｅｄｉｃｔｉｏｎ", "next token guessing"])("accepts %s", (answer) => {
    expect(gradeQuestion(short, { type: "short_text", text: answer }).outcome).toBe("correct");
  });
  it("refuses other answers", () => {
    expect(gradeQuestion(short, { type: "short_text", text: "分類" }).outcome).toBe("incorrect");
  });
});

describe("next token", () => {
  const next = q({
    type: "next_token",
    context: text("The cat sat on the"),
    plausibleAt: 0.05,
    candidates: [
      { id: "mat", token: text("mat"), probability: 0.6 },
      { id: "sofa", token: text("sofa"), probability: 0.2 },
      { id: "moon", token: text("moon"), probability: 0.01, feedback: text("rarely") },
    ],
  });
  it("a plausible token earns the points and the feedback quotes its probability", () => {
    const result = gradeQuestion(next, { type: "next_token", candidateId: "sofa", typed: "" });
    expect(result.outcome).toBe("correct");
    expect(result.feedback[0]!.en).toContain("about 20%");
    expect(result.feedback[0]!.en).toContain('"mat" (about 60%)');
  });
  it("an unlikely token earns nothing, with its probability explained", () => {
    const result = gradeQuestion(next, { type: "next_token", candidateId: "moon", typed: "" });
    expect(result.outcome).toBe("incorrect");
    expect(result.feedback.map((f) => f.en)).toEqual([expect.stringContaining("only about 1%"), "rarely"]);
  });
  it("a typed token is matched against the candidates in either language", () => {
    expect(gradeQuestion(next, { type: "next_token", candidateId: null, typed: " MAT " }).outcome).toBe("correct");
    expect(gradeQuestion(next, { type: "next_token", candidateId: null, typed: "sofa（中）" }).outcome).toBe("correct");
    expect(gradeQuestion(next, { type: "next_token", candidateId: null, typed: "banana" }).feedback[0]!.en).toContain("about 19%");
  });
  it("a typed continuation that begins with a candidate stands for it (「玉山」 begins with the token 「玉」)", async () => {
    const { loadContent } = await import("@/lib/content/load-content");
    const yushan = (await loadContent()).quizzes.flatMap((quiz) => quiz.data.questions).find((question) => question.uuid === "e2f7a9f3-ca01-4373-b455-418b9cfd3faa")!;
    expect(gradeQuestion(yushan, { type: "next_token", candidateId: null, typed: "玉山" }).outcome).toBe("correct");
    // An English word that only begins like a candidate is another word
    expect(gradeQuestion(next, { type: "next_token", candidateId: null, typed: "mattress" }).feedback[0]!.en).toContain("is not among the listed candidates");
  });
  it("hides probabilities from the browser", () => {
    expect(JSON.stringify(toPublicQuestion("id", next, "s"))).not.toContain("probability");
  });
});

describe("open answers", () => {
  const open = q({
    type: "open",
    points: 3,
    referenceAnswer: text("ref"),
    rubric: {
      criteria: [
        { id: "a", description: text("a"), points: 2, keyIdeas: [{ id: "k", phrasings: { "zh-TW": ["分類"], en: ["classification"] } }] },
        { id: "b", description: text("b"), points: 1, keyIdeas: [{ id: "k2", phrasings: { "zh-TW": ["生成"], en: ["generation"] } }] },
      ],
    },
  });
  it("are stored as awaiting grading, and the rubric stays on the server", () => {
    expect(gradeQuestion(open, { type: "open", text: "Spam filtering is classification." })).toMatchObject({ outcome: "awaiting_grading", score: 0, maxScore: 3 });
    expect(gradeQuestion(open, { type: "open", text: "  " }).outcome).toBe("unanswered");
    expect(JSON.stringify(toPublicQuestion("id", open, "s"))).not.toMatch(/rubric|phrasings|ref/);
  });
  it("need criteria that add up to the points", () => {
    expect(ZQuestion.safeParse({ ...base, type: "open", points: 5, referenceAnswer: text("r"), rubric: (open as { rubric: unknown }).rubric }).success).toBe(false);
  });
});

describe("variants", () => {
  const numeric = q({
    type: "numeric",
    prompt: text("{{V}} characters, {{L}} long"),
    parameters: { V: { values: [500, 1000, 2000] }, L: { range: [10, 100], step: 10 } },
    answer: "{{V}}^{{L}}",
    tolerance: { kind: "order_of_magnitude", value: 0.01 },
    correctFeedback: text("y"),
    incorrectFeedback: text("n"),
  });
  it("the same seed gives the same numbers, other seeds other numbers, and grading uses them", () => {
    const first = drawVariant(numeric, "user:question:1");
    expect(drawVariant(numeric, "user:question:1")).toEqual(first);
    const seen = new Set(Array.from({ length: 30 }, (_, i) => JSON.stringify(drawVariant(numeric, `user:question:${i}`))));
    expect(seen.size).toBeGreaterThan(5);
    expect([500, 1000, 2000]).toContain(first.V);
    expect(first.L! % 10).toBe(0);
    const instance = instantiate(numeric, first);
    expect(instance.prompt.en).toBe(`${first.V} characters, ${first.L} long`);
    const log10 = first.L! * Math.log10(first.V!);
    const scientific = `${(10 ** (log10 - Math.floor(log10))).toFixed(4)}e${Math.floor(log10)}`;
    expect(gradeQuestion(instance, { type: "numeric", text: scientific }).outcome).toBe("correct");
    expect(gradeQuestion(instance, { type: "numeric", text: `${first.V}^${first.L}` }).outcome).toBe("correct");
    expect(gradeQuestion(instance, { type: "numeric", text: `${first.L}^${first.V}` }).outcome).toBe("incorrect");
  });
  it("unknown question types are refused with the list of allowed types", () => {
    const result = ZQuestion.safeParse({ ...base, type: "essay" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("allowed types: single_choice, multiple_select, categorize, ordering, numeric, short_text, next_token, open");
  });
});
