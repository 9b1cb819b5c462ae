import { describe, expect, it } from "vitest";

import { pointsReport, type TPointsRow } from "./points-eval";

const row = (id: string, kind: string, expected: number, predicted: number, ms = 10): TPointsRow => ({ id, kind, lang: "en", max: 3, expected, predicted, ms });

describe("points report", () => {
  it("computes exact agreement, mean error, labels from points and the kind checks by hand", () => {
    const report = pointsReport([
      row("a", "paraphrase", 3, 3),
      row("b", "paraphrase", 3, 1.5),
      row("c", "partly", 2, 2.5),
      row("d", "keyword-list", 0, 1.5),
      row("e", "off-topic", 0, 0, 30),
    ]);
    expect(report.exactPoints).toBe(2 / 5);
    expect(report.meanAbsoluteError).toBeCloseTo((0 + 1.5 + 0.5 + 1.5 + 0) / 5);
    // labels: a correct→correct, b correct→partly, c partly→partly, d incorrect→partly, e incorrect→incorrect
    expect(report.threeWay.confusion).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    expect(report.twoWay.confusion).toEqual([
      [1, 1],
      [0, 3],
    ]);
    expect(report.stuffed).toEqual({ answers: 2, maxScore: 1.5, aboveOneThird: 1 });
    expect(report.paraphrasesAtTwoThirds).toEqual({ answers: 2, share: 0.5 });
    expect(report.msPerAnswer.p95).toBe(30);
  });
});
