import type { TLocalizedText, TQuestion } from "@/lib/quiz/schema";
import type { TVariant } from "@/lib/quiz/variants";
import { analyseDistractors, type TDistractors } from "./distractors";
import { analyseItems, type TItemStatistics, type TQuizStatistics } from "./item-statistics";

// Puts the item analysis of one assignment together from the rows its reads return.

type TQuestionRow = { id: string; position: number; points: number; definition: unknown };
type TScoreRow = { userId: string; seconds: number | null; questionIds: string[]; scores: (number | null)[] };
type TExample = { responseId: string; answer: string };

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
  open: {
    verdicts: { questionId: string; criterionId: string; verdict: string; count: number }[];
    misconceptions: { questionId: string; misconceptionId: string; count: number }[];
    examples: { questionId: string; key: string; responseId: string; answer: string }[];
    graded: { questionId: string; count: number }[];
  };
}): TItemAnalysis {
  const column = new Map(input.questions.map((question, index) => [question.id, index]));
  const matrix = input.scoreRows.map((row) => {
    const scores: (number | null)[] = input.questions.map(() => null);
    row.questionIds.forEach((questionId, i) => {
      const j = column.get(questionId);
      if (j !== undefined) scores[j] = row.scores[i] ?? null;
    });
    return scores;
  });
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
  return { summary: { ...summary, medianSeconds: seconds.length ? seconds[Math.floor((seconds.length - 1) / 2)]! : null }, questions };
}

function openStatsOf(question: Extract<TQuestion, { type: "open" }>, questionId: string, open: Parameters<typeof buildItemAnalysis>[0]["open"]): TOpenStats {
  const examplesOf = (key: string) => open.examples.filter((e) => e.questionId === questionId && e.key === key).map(({ responseId, answer }) => ({ responseId, answer }));
  const verdictCount = (criterionId: string, verdict: string) => open.verdicts.find((v) => v.questionId === questionId && v.criterionId === criterionId && v.verdict === verdict)?.count ?? 0;
  return {
    graded: open.graded.find((g) => g.questionId === questionId)?.count ?? 0,
    criteria: question.rubric.criteria.map((criterion) => ({
      id: criterion.id,
      description: criterion.description,
      points: criterion.points,
      met: verdictCount(criterion.id, "met"),
      partly: verdictCount(criterion.id, "partly"),
      missed: verdictCount(criterion.id, "missed"),
      examples: examplesOf(`criterion:${criterion.id}`),
    })),
    misconceptions: question.rubric.misconceptions
      .map((m) => ({ id: m.id, description: m.description, count: open.misconceptions.find((x) => x.questionId === questionId && x.misconceptionId === m.id)?.count ?? 0, examples: examplesOf(`misconception:${m.id}`) }))
      .sort((a, b) => b.count - a.count),
  };
}
