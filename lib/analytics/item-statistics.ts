// Classical test theory for one quiz version: how hard each question was, how well it separates
// strong from weak students, and how consistent the quiz is as a whole. The formulas, with worked
// examples, are in docs/ANALYTICS.md; item-statistics.test.ts checks them against hand-computed figures.

/** One student's counted attempt: a score per question, null where a grade is still pending. */
export type TScoreRow = (number | null)[];

export type TItemStatistics = {
  /** Students with a grade on this question */
  n: number;
  /** Mean share of the points: 1 = everyone got it right */
  facility: number | null;
  /** Facility of the top 27 % (by total) minus facility of the bottom 27 % */
  discrimination: number | null;
  /** Correlation of the question's score with the rest of the quiz (the total without this question) */
  pointBiserial: number | null;
  flags: TItemFlag[];
};

export type TItemFlag = "negative_discrimination" | "low_discrimination" | "very_easy" | "very_hard";

export type TQuizStatistics = {
  items: TItemStatistics[];
  /** Students in the analysis */
  students: number;
  meanTotal: number | null;
  sdTotal: number | null;
  /** Cronbach's alpha, which is KR-20 when every question is scored all-or-nothing */
  reliability: { value: number; formula: "KR-20" | "alpha"; students: number } | null;
};

/** Below this, a question separates strong and weak students poorly (Ebel's rule of thumb). */
export const LOW_DISCRIMINATION = 0.2;
const VERY_EASY = 0.9;
const VERY_HARD = 0.2;
const GROUP_SHARE = 0.27;

const mean = (values: number[]) => (values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : Number.NaN);

/** Population variance (divides by n), as KR-20 and alpha are usually stated. */
function variance(values: number[]): number {
  const m = mean(values);
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length;
}

/** Pearson's correlation; null when either side does not vary. */
export function correlation(xs: number[], ys: number[]): number | null {
  if (xs.length < 2) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

function flagsFor(facility: number | null, discrimination: number | null, pointBiserial: number | null): TItemFlag[] {
  const flags: TItemFlag[] = [];
  if ((discrimination !== null && discrimination < 0) || (pointBiserial !== null && pointBiserial < 0)) flags.push("negative_discrimination");
  else if (discrimination !== null && discrimination < LOW_DISCRIMINATION) flags.push("low_discrimination");
  if (facility !== null && facility > VERY_EASY) flags.push("very_easy");
  if (facility !== null && facility < VERY_HARD) flags.push("very_hard");
  return flags;
}

/**
 * Item and test statistics from each student's scores (rows) on each question (columns).
 * `maxScores[j]` is question j's points. Pending grades (null) leave that student out of that
 * question's figures, and out of the reliability, which needs complete rows.
 */
export function analyseItems(rows: TScoreRow[], maxScores: number[]): TQuizStatistics {
  const totals = rows.map((row) => row.reduce<number>((sum, score) => sum + (score ?? 0), 0));
  // Strong students first; ties keep the rows' order, so the groups are reproducible.
  const ranked = rows.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]! || a - b);
  const groupSize = rows.length >= 2 ? Math.max(1, Math.round(GROUP_SHARE * rows.length)) : 0;
  const upper = ranked.slice(0, groupSize);
  const lower = ranked.slice(ranked.length - groupSize);

  const items = maxScores.map((maxScore, j): TItemStatistics => {
    const ratioOf = (i: number) => (rows[i]![j] ?? null) === null || maxScore <= 0 ? null : rows[i]![j]! / maxScore;
    const graded = rows.map((_, i) => i).filter((i) => ratioOf(i) !== null);
    if (graded.length === 0) return { n: 0, facility: null, discrimination: null, pointBiserial: null, flags: [] };
    const facility = mean(graded.map((i) => ratioOf(i)!));
    const groupMean = (group: number[]) => mean(group.map(ratioOf).filter((r): r is number => r !== null));
    const upperMean = groupMean(upper);
    const lowerMean = groupMean(lower);
    const discrimination = groupSize > 0 && !Number.isNaN(upperMean) && !Number.isNaN(lowerMean) ? upperMean - lowerMean : null;
    const pointBiserial = correlation(
      graded.map((i) => rows[i]![j]!),
      graded.map((i) => totals[i]! - rows[i]![j]!),
    );
    return { n: graded.length, facility, discrimination, pointBiserial, flags: flagsFor(facility, discrimination, pointBiserial) };
  });

  return { items, students: rows.length, meanTotal: rows.length ? mean(totals) : null, sdTotal: rows.length ? Math.sqrt(variance(totals)) : null, reliability: reliability(rows, maxScores) };
}

/** Cronbach's alpha over the students with every question graded: k/(k−1) · (1 − Σ item variances / total variance). */
export function reliability(rows: TScoreRow[], maxScores: number[]): TQuizStatistics["reliability"] {
  const k = maxScores.length;
  const complete = rows.filter((row): row is number[] => row.length === k && row.every((score) => score !== null));
  if (k < 2 || complete.length < 2) return null;
  const totalVariance = variance(complete.map((row) => row.reduce((sum, score) => sum + score, 0)));
  if (totalVariance < 1e-12) return null;
  const itemVariances = maxScores.reduce((sum, _, j) => sum + variance(complete.map((row) => row[j]!)), 0);
  const dichotomous = complete.every((row) => row.every((score, j) => score === 0 || Math.abs(score - maxScores[j]!) < 1e-9));
  return { value: (k / (k - 1)) * (1 - itemVariances / totalVariance), formula: dichotomous ? "KR-20" : "alpha", students: complete.length };
}
