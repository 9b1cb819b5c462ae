import type { TLocalizedText, TQuestion } from "@/lib/quiz/schema";
import type { TVariant } from "@/lib/quiz/variants";
import { analyseDistractors, type TDistractors } from "./distractors";
import { analyseItems, type TItemStatistics, type TQuizStatistics } from "./item-statistics";

// Puts the item analysis of one assignment together from the rows its reads return.

type TQuestionRow = { id: string; position: number; points: number; definition: unknown };
type TScoreRow = { userId: string; seconds: number | null; scores: (number | null)[] };
export type TExample = { responseId: string; answer: string };
/** A row of the open-answer figures: answers graded per question, or one criterion's verdicts, or one misconception's matches */
export type TOpenStatRow = { kind: "graded" | "criterion" | "misconception"; questionId: string; key: string | null; count: number; met: number; partly: number; missed: number; examples: TExample[] | null };

export type TOpenStats = {
  graded: number;
  criteria: { id: string; description: TLocalizedText; points: number; met: number; partly: number; missed: number; examples: TExample[] }[];
  misconceptions: { id: string; description: TLocalizedText; count: number; examples: TExample[] }[];
};

export type TAnalysedQuestion = {
  id: string;
  position: number;
  points: number;
  question: TQuestion;
  stats: TItemStatistics;
  distractors: TDistractors;
  open: TOpenStats | null;
};

export type TItemAnalysis = { summary: Omit<TQuizStatistics, "items"> & { medianSeconds: number | null }; questions: TAnalysedQuestion[] };

export function buildItemAnalysis(input: {
  questions: TQuestionRow[];
  scoreRows: TScoreRow[];
  answerGroups: { questionId: string; answer: unknown; variant: TVariant | null; count: number }[];
  open: TOpenStatRow[];
}): TItemAnalysis {
  // scores[i] belongs to the question at position i
  const matrix = input.scoreRows.map((row) => input.questions.map((question) => row.scores[question.position] ?? null));
  const { items, ...summary } = analyseItems(matrix, input.questions.map((question) => question.points));
  const seconds = input.scoreRows.flatMap((row) => (row.seconds === null ? [] : [row.seconds])).sort((a, b) => a - b);

  const questions = input.questions.map((row, j): TAnalysedQuestion => {
    const question = row.definition as TQuestion;
    const groups = input.answerGroups.filter((group) => group.questionId === row.id);
    return {
      id: row.id,
      position: row.position,
      points: row.points,
      question,
      stats: items[j]!,
      distractors: question.type === "open" ? { kind: "open", total: items[j]!.n } : analyseDistractors(question, groups),
      open: question.type === "open" ? openStatsOf(question, row.id, input.open) : null,
    };
  });
  // The interpolated median, as the overview's percentile_cont(0.5)
  const middle = seconds.length / 2;
  const medianSeconds = seconds.length === 0 ? null : seconds.length % 2 ? seconds[Math.floor(middle)]! : (seconds[middle - 1]! + seconds[middle]!) / 2;
  return { summary: { ...summary, medianSeconds }, questions };
}

function openStatsOf(question: Extract<TQuestion, { type: "open" }>, questionId: string, open: Parameters<typeof buildItemAnalysis>[0]["open"]): TOpenStats {
  const row = (kind: string, key: string | null) => open.find((r) => r.questionId === questionId && r.kind === kind && r.key === key);
  return {
    graded: row("graded", null)?.count ?? 0,
    criteria: question.rubric.criteria.map((criterion) => {
      const counts = row("criterion", criterion.id);
      return { id: criterion.id, description: criterion.description, points: criterion.points, met: counts?.met ?? 0, partly: counts?.partly ?? 0, missed: counts?.missed ?? 0, examples: counts?.examples ?? [] };
    }),
    misconceptions: question.rubric.misconceptions
      .map((m) => { const counts = row("misconception", m.id); return { id: m.id, description: m.description, count: counts?.count ?? 0, examples: counts?.examples ?? [] }; })
      .sort((a, b) => b.count - a.count),
  };
}
