import { describe, expect, it } from "vitest";
import { groupSimilar } from "./group-similar";

const entry = (responseId: string, verdicts: [string, "met" | "partly" | "missed"][], options: { score?: number; misconceptions?: string[]; question?: string; contradicted?: boolean } = {}) => ({
  responseId,
  questionUuid: options.question ?? "q1",
  score: options.score ?? 1,
  criteria: verdicts.map(([criterionId, verdict]) => ({ criterionId, verdict, contradicted: options.contradicted ?? false })),
  misconceptions: options.misconceptions ?? [],
});

describe("groupSimilar", () => {
  it("puts answers with the same verdicts, ideas and score together, largest group first", () => {
    const groups = groupSimilar([
      entry("a", [["x", "met"], ["y", "missed"]]),
      entry("b", [["y", "missed"], ["x", "met"]]),
      entry("c", [["x", "met"], ["y", "met"]], { score: 2 }),
      entry("d", [["x", "met"], ["y", "missed"]]),
    ]);
    expect(groups.map((g) => g.entries.map((e) => e.responseId))).toEqual([["a", "b", "d"], ["c"]]);
  });

  it("keeps apart answers that differ in a mistaken idea, a contradiction, the score or the question", () => {
    const base = [["x", "met"]] as [string, "met"][];
    const groups = groupSimilar([
      entry("a", base),
      entry("b", base, { misconceptions: ["spam-is-generation"] }),
      entry("c", base, { contradicted: true }),
      entry("d", base, { score: 0.5 }),
      entry("e", base, { question: "q2" }),
    ]);
    expect(groups).toHaveLength(5);
  });
});
