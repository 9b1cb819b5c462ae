// Classification figures for `grader:eval`: accuracy, per-class precision/recall/F1, macro and
// weighted F1, and the confusion matrix (rows: the label, columns: the grader's answer).

export type TClassReport = { label: string; precision: number; recall: number; f1: number; support: number };
export type TEvalReport = {
  labels: string[];
  accuracy: number;
  perClass: TClassReport[];
  macroF1: number;
  weightedF1: number;
  confusion: number[][];
  total: number;
};

export function evaluate(labels: readonly string[], pairs: readonly { expected: string; predicted: string }[]): TEvalReport {
  const index = new Map(labels.map((label, i) => [label, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  for (const { expected, predicted } of pairs) {
    const row = index.get(expected);
    const column = index.get(predicted);
    if (row === undefined || column === undefined) throw new Error(`unknown label: ${row === undefined ? expected : predicted}`);
    confusion[row]![column]! += 1;
  }
  const total = pairs.length;
  const perClass = labels.map((label, i) => {
    const truePositives = confusion[i]![i]!;
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((sum, row) => sum + row[i]!, 0);
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const correct = labels.reduce((sum, _, i) => sum + confusion[i]![i]!, 0);
  return {
    labels: [...labels],
    accuracy: total === 0 ? 0 : correct / total,
    perClass,
    macroF1: perClass.reduce((sum, c) => sum + c.f1, 0) / labels.length,
    weightedF1: total === 0 ? 0 : perClass.reduce((sum, c) => sum + c.f1 * c.support, 0) / total,
    confusion,
    total,
  };
}
