// Logistic regression for the semantic grader's calibration: features standardised with the
// training set's mean and spread, weights fitted by batch gradient descent with an L2 penalty.
// Small on purpose (a few hundred rows, nine features); the fitted numbers are committed as JSON.

export type TLogistic = { mean: number[]; std: number[]; weights: number[]; bias: number };

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function predict(model: TLogistic, x: number[]): number {
  let z = model.bias;
  x.forEach((v, i) => {
    z += model.weights[i]! * ((v - model.mean[i]!) / model.std[i]!);
  });
  return sigmoid(z);
}

export function fitLogistic(rows: number[][], labels: number[], options: { l2?: number; steps?: number; rate?: number } = {}): TLogistic {
  const { l2 = 0.01, steps = 4000, rate = 0.3 } = options;
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || labels.length !== n) throw new Error("fitLogistic needs one label per row and at least one row");
  const mean = [...Array(d)].map((_, j) => rows.reduce((s, r) => s + r[j]!, 0) / n);
  const std = [...Array(d)].map((_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = rows.map((r) => r.map((v, j) => (v - mean[j]!) / std[j]!));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    z.forEach((x, i) => {
      const error = sigmoid(bias + x.reduce((s, v, j) => s + v * weights[j]!, 0)) - labels[i]!;
      x.forEach((v, j) => {
        grad[j]! += error * v;
      });
      gradBias += error;
    });
    weights.forEach((w, j) => {
      weights[j] = w - rate * (grad[j]! / n + l2 * w);
    });
    bias -= rate * (gradBias / n);
  }
  return { mean, std, weights, bias };
}
