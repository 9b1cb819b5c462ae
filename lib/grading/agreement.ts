// Agreement between machine grades and the people who reviewed them: exact agreement and Cohen's
// kappa, with each score (rounded to half a point) as a category.

export type TAgreement = { pairs: number; exact: number; kappa: number | null };

const category = (score: number) => (Math.round(score * 2) / 2).toFixed(1);

export function agreement(pairs: readonly { machine: number; human: number }[]): TAgreement {
  const n = pairs.length;
  if (n === 0) return { pairs: 0, exact: 0, kappa: null };
  const machine = new Map<string, number>();
  const human = new Map<string, number>();
  let same = 0;
  for (const pair of pairs) {
    const [m, h] = [category(pair.machine), category(pair.human)];
    machine.set(m, (machine.get(m) ?? 0) + 1);
    human.set(h, (human.get(h) ?? 0) + 1);
    if (m === h) same += 1;
  }
  const observed = same / n;
  let expected = 0;
  for (const [value, count] of machine) expected += (count / n) * ((human.get(value) ?? 0) / n);
  // With a single category on both sides chance agreement is 1 and kappa is undefined
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { pairs: n, exact: observed, kappa };
}
