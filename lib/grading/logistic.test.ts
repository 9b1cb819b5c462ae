import { describe, expect, it } from "vitest";

import { fitLogistic, predict, sigmoid } from "./logistic";

describe("logistic regression", () => {
  it("recovers a known separating direction and orders probabilities by it", () => {
    // y = 1 exactly when 2a - b > 0.5; c is noise
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = (i % 20) / 10;
      const b = ((i * 7) % 20) / 10;
      const c = ((i * 13) % 11) / 11;
      rows.push([a, b, c]);
      labels.push(2 * a - b > 0.5 ? 1 : 0);
    }
    const model = fitLogistic(rows, labels, { l2: 0.001, steps: 3000 });
    const correct = rows.filter((r, i) => (predict(model, r) >= 0.5 ? 1 : 0) === labels[i]).length;
    expect(correct / rows.length).toBeGreaterThan(0.95);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(Math.abs(model.weights[2]!)).toBeLessThan(Math.abs(model.weights[1]!));
    expect(predict(model, [2, 0, 0.5])).toBeGreaterThan(predict(model, [0, 2, 0.5]));
  });

  it("is a sigmoid at the origin, and refuses rows without labels", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(() => fitLogistic([[1]], [])).toThrow(/one label per row/);
  });
});
