import { evaluate, type TEvalReport } from "./eval-metrics";
import { labelOfPoints } from "./eval-records";

// grader:eval on answers labelled per rubric criterion: how often a grader's points equal the
// teacher's, how far off they are, its 3-way labels (correct / partly / incorrect, from the points)
// and 2-way labels (full marks or not), and the checks the issue names for kinds of answers.

export type TPointsRow = { id: string; kind: string; lang: string; max: number; expected: number; predicted: number; ms: number };

export type TPointsReport = {
  answers: number;
  exactPoints: number;
  meanAbsoluteError: number;
  threeWay: TEvalReport;
  twoWay: TEvalReport;
  /** Keyword lists and off-topic answers: the highest score any got, and how many scored above a third */
  stuffed: { answers: number; maxScore: number; aboveOneThird: number };
  /** Correct paraphrases scored at two thirds or more */
  paraphrasesAtTwoThirds: { answers: number; share: number };
  msPerAnswer: { mean: number; p95: number };
  byKind: { kind: string; answers: number; exactPoints: number; meanAbsoluteError: number }[];
};

const THREE = ["correct", "partly", "incorrect"] as const;
const TWO = ["correct", "not correct"] as const;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function pointsReport(rows: TPointsRow[]): TPointsReport {
  const same = (r: TPointsRow) => Math.abs(r.predicted - r.expected) < 1e-9;
  const three = rows.map((r) => ({ expected: labelOfPoints(r.expected, r.max), predicted: labelOfPoints(r.predicted, r.max) }));
  const two = three.map((p) => ({ expected: p.expected === "correct" ? "correct" : "not correct", predicted: p.predicted === "correct" ? "correct" : "not correct" }));
  const stuffed = rows.filter((r) => r.kind === "keyword-list" || r.kind === "off-topic");
  const paraphrases = rows.filter((r) => r.kind === "paraphrase" && r.expected >= r.max - 1e-9);
  const kinds = [...new Set(rows.map((r) => r.kind))];
  return {
    answers: rows.length,
    exactPoints: rows.filter(same).length / Math.max(1, rows.length),
    meanAbsoluteError: rows.reduce((s, r) => s + Math.abs(r.predicted - r.expected), 0) / Math.max(1, rows.length),
    threeWay: evaluate(THREE, three),
    twoWay: evaluate(TWO, two),
    stuffed: { answers: stuffed.length, maxScore: Math.max(0, ...stuffed.map((r) => r.predicted)), aboveOneThird: stuffed.filter((r) => r.predicted > r.max / 3 + 1e-9).length },
    paraphrasesAtTwoThirds: { answers: paraphrases.length, share: paraphrases.filter((r) => r.predicted >= (2 * r.max) / 3 - 1e-9).length / Math.max(1, paraphrases.length) },
    msPerAnswer: { mean: rows.reduce((s, r) => s + r.ms, 0) / Math.max(1, rows.length), p95: percentile(rows.map((r) => r.ms), 0.95) },
    byKind: kinds.map((kind) => {
      const of = rows.filter((r) => r.kind === kind);
      return { kind, answers: of.length, exactPoints: of.filter(same).length / of.length, meanAbsoluteError: of.reduce((s, r) => s + Math.abs(r.predicted - r.expected), 0) / of.length };
    }),
  };
}
