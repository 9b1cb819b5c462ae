import { describe, expect, it } from "vitest";

import { agreement } from "./agreement";

describe("agreement between machine and human grades", () => {
  it("matches a hand-computed Cohen's kappa", () => {
    // 10 answers scored 0 or 1. Machine: 6 × 1, 4 × 0. Human agrees on 5 of the 1s and 3 of the 0s.
    // po = 8/10; pe = 0.6·0.6 + 0.4·0.4 = 0.52; kappa = (0.8 − 0.52) / 0.48 = 0.5833…
    const pairs = [
      ...Array(5).fill({ machine: 1, human: 1 }),
      { machine: 1, human: 0 },
      ...Array(3).fill({ machine: 0, human: 0 }),
      { machine: 0, human: 1 },
    ];
    const result = agreement(pairs);
    expect(result.exact).toBeCloseTo(0.8);
    expect(result.kappa).toBeCloseTo(0.28 / 0.48);
  });

  it("treats scores within a quarter point as the same half-point category", () => {
    expect(agreement([{ machine: 1.4, human: 1.5 }]).exact).toBe(1);
  });

  it("has no kappa when there is nothing to compare or only one category", () => {
    expect(agreement([]).kappa).toBeNull();
    expect(agreement([{ machine: 2, human: 2 }]).kappa).toBeNull();
  });

  it("is negative when people systematically disagree", () => {
    expect(agreement([{ machine: 0, human: 1 }, { machine: 1, human: 0 }]).kappa).toBeLessThan(0);
  });
});
