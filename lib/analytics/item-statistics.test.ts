import { describe, expect, it } from "vitest";
import { analyseItems, correlation, reliability } from "./item-statistics";

// The worked examples of docs/ANALYTICS.md, computed there by hand.

// Five students, four one-point questions. Totals 3, 2, 2, 1, 1.
const FIVE = [
  [1, 1, 1, 0],
  [1, 1, 0, 0],
  [1, 0, 1, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
];

describe("analyseItems", () => {
  const stats = analyseItems(FIVE, [1, 1, 1, 1]);

  it("gives each question's facility: the mean share of its points", () => {
    expect(stats.items.map((item) => item.facility)).toEqual([0.6, 0.6, 0.4, 0.2]);
  });

  it("compares the top and bottom 27 % by total (here one student each, ties in roster order)", () => {
    // round(0.27 × 5) = 1: the upper group is student 1 (total 3), the lower student 5 (total 1, after student 4).
    expect(stats.items.map((item) => item.discrimination)).toEqual([1, 1, 1, -1]);
  });

  it("correlates each question with the rest of the quiz", () => {
    // Question 1: x = 1,1,1,0,0 and rest = 2,1,1,1,1 → 0.4 / √(1.2 × 0.8) = 1/√6.
    expect(stats.items[0]!.pointBiserial).toBeCloseTo(1 / Math.sqrt(6), 12);
    // Question 4: x = 0,0,0,0,1 and rest = 3,2,2,1,0 → −1.6 / √(0.8 × 5.2).
    expect(stats.items[3]!.pointBiserial).toBeCloseTo(-1.6 / Math.sqrt(0.8 * 5.2), 12);
    expect(stats.items[3]!.pointBiserial).toBeCloseTo(-0.784465, 6);
  });

  it("flags the question that the weakest students get right and the strongest miss", () => {
    expect(stats.items[3]!.flags).toContain("negative_discrimination");
    expect(stats.items[0]!.flags).toEqual([]);
  });

  it("computes KR-20 for all-or-nothing questions: 4/3 · (1 − 0.88 / 0.56)", () => {
    expect(stats.reliability?.formula).toBe("KR-20");
    expect(stats.reliability?.value).toBeCloseTo((4 / 3) * (1 - 0.88 / 0.56), 12);
    expect(stats.meanTotal).toBeCloseTo(1.8, 12);
    expect(stats.sdTotal).toBeCloseTo(Math.sqrt(0.56), 12);
  });

  it("uses 27 % groups of round(0.27 · n) students", () => {
    // Ten students: question A right for the first five, question B only for the first.
    // Totals 2, 1, 1, 1, 1, 0 …: the groups are students 1–3 and students 8–10.
    const rows = Array.from({ length: 10 }, (_, i) => [i < 5 ? 1 : 0, i === 0 ? 1 : 0]);
    const result = analyseItems(rows, [1, 1]);
    expect(result.items[0]!.discrimination).toBe(1);
    expect(result.items[1]!.discrimination).toBeCloseTo(1 / 3, 12);
  });

  it("leaves a pending grade out of that question and out of the reliability", () => {
    const rows = [...FIVE.map((row) => [...row]), [1, null, 1, 1]];
    const result = analyseItems(rows, [1, 1, 1, 1]);
    expect(result.items[1]!.n).toBe(5);
    expect(result.items[1]!.facility).toBe(0.6);
    expect(result.items[0]!.n).toBe(6);
    expect(result.reliability?.students).toBe(5);
  });

  it("has no figures for a question nobody has a grade on, and none for an empty class", () => {
    expect(analyseItems([[1, null], [0, null]], [1, 1]).items[1]).toEqual({ n: 0, facility: null, discrimination: null, pointBiserial: null, flags: [] });
    expect(analyseItems([], [1, 1])).toEqual({ items: [expect.objectContaining({ n: 0 }), expect.objectContaining({ n: 0 })], students: 0, meanTotal: null, sdTotal: null, reliability: null });
  });
});

describe("reliability", () => {
  it("is Cronbach's alpha with partial credit: 2 · (1 − (2/3 + 2/9) / (14/9)) = 6/7", () => {
    const result = reliability([[2, 2], [1, 1], [0, 1]], [2, 2]);
    expect(result?.formula).toBe("alpha");
    expect(result?.value).toBeCloseTo(6 / 7, 12);
  });

  it("is undefined when the totals do not vary", () => {
    expect(reliability([[1, 0], [0, 1]], [1, 1])).toBeNull();
  });
});

describe("correlation", () => {
  it("is Pearson's r, and null for a constant side", () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
