import { describe, expect, it } from "vitest";

import { evaluate } from "./eval-metrics";

describe("evaluate", () => {
  it("matches a hand-computed 3-way example", () => {
    // expected → predicted: correct: 3 right, 1 called incorrect; contradictory: 1 right, 1 called correct;
    // incorrect: 2 right
    const pairs = [
      ...Array(3).fill({ expected: "correct", predicted: "correct" }),
      { expected: "correct", predicted: "incorrect" },
      { expected: "contradictory", predicted: "contradictory" },
      { expected: "contradictory", predicted: "correct" },
      ...Array(2).fill({ expected: "incorrect", predicted: "incorrect" }),
    ];
    const report = evaluate(["correct", "contradictory", "incorrect"], pairs);
    expect(report.confusion).toEqual([
      [3, 0, 1],
      [1, 1, 0],
      [0, 0, 2],
    ]);
    expect(report.accuracy).toBeCloseTo(6 / 8);
    // correct: p = 3/4, r = 3/4, f1 = 0.75; contradictory: p = 1, r = 1/2, f1 = 2/3; incorrect: p = 2/3, r = 1, f1 = 0.8
    expect(report.perClass.map((c) => c.f1)).toEqual([expect.closeTo(0.75), expect.closeTo(2 / 3), expect.closeTo(0.8)]);
    expect(report.macroF1).toBeCloseTo((0.75 + 2 / 3 + 0.8) / 3);
    expect(report.weightedF1).toBeCloseTo((0.75 * 4 + (2 / 3) * 2 + 0.8 * 2) / 8);
  });

  it("gives 0 F1, not NaN, to a class never predicted", () => {
    const report = evaluate(["correct", "incorrect"], [{ expected: "correct", predicted: "incorrect" }]);
    expect(report.perClass[0]!.f1).toBe(0);
    expect(report.macroF1).toBe(0);
  });

  it("refuses a label outside the scheme", () => {
    expect(() => evaluate(["correct", "incorrect"], [{ expected: "maybe", predicted: "correct" }])).toThrow(/unknown label: maybe/);
  });
});
