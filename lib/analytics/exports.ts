import { localize } from "@/lib/content/localize";
import { toCsv } from "@/lib/core/csv-export";
import type { TLocalizedText, TQuestion } from "@/lib/quiz/schema";
import { instantiate } from "@/lib/quiz/variants";
import { answerText } from "./answer-text";

// The gradebook and responses exports. Every cell goes through toCsv, which neutralises spreadsheet formulas.

type TStudent = { id: string; name: string; email: string; studentNumber: string | null; section: string | null };
type TAssignment = { id: string; quizVersion: { title: unknown; version: number; questions: { id: string; position: number; points: number; definition: unknown }[] } };

export type TExportLabels = Record<(typeof EXPORT_LABELS)[number], string> & {
  /** Question types and ways of grading, in the reader's language */
  typeNames: Record<string, string>;
  sourceNames: Record<string, string>;
};
export const EXPORT_LABELS = ["email", "name", "studentNumber", "section", "assignment", "attempt", "startedAt", "submittedAt", "question", "questionId", "type", "variant", "answer", "score", "maxScore", "gradedBy", "reviewed", "yes", "no", "pending"] as const;

const title = (assignment: TAssignment, locale: string) => `${localize(assignment.quizVersion.title as TLocalizedText, locale)} (v${assignment.quizVersion.version})`;
/** Scores to two decimals: partial credit like 2/7 of a point would otherwise print 15 digits */
const round2 = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 100) / 100);
const maxOf = (assignment: TAssignment) => assignment.quizVersion.questions.reduce((sum, q) => sum + q.points, 0);

/** One row per student, one column per assignment: the score of the attempt that counts, empty when none. */
export function gradebookCsv(input: { students: TStudent[]; assignments: TAssignment[]; cells: { assignmentId: string; userId: string; score: number | null; pending: number }[]; labels: TExportLabels; locale: string }): string {
  const cell = new Map(input.cells.map((c) => [`${c.assignmentId}:${c.userId}`, c.score]));
  const pending = new Map<string, number>();
  for (const c of input.cells) pending.set(c.userId, (pending.get(c.userId) ?? 0) + c.pending);
  const header = [input.labels.name, input.labels.email, input.labels.studentNumber, input.labels.section, ...input.assignments.map((a) => `${title(a, input.locale)} / ${round2(maxOf(a))}`), input.labels.pending];
  // The last column: answers of the counted attempts still being graded (counted as 0 until they are)
  const rows = input.students.map((student) => [student.name, student.email, student.studentNumber, student.section, ...input.assignments.map((a) => round2(cell.get(`${a.id}:${student.id}`))), pending.get(student.id) ?? 0]);
  return toCsv(header, rows);
}

/** One row per answer of every submitted attempt, as a person reads it. */
export function responsesCsv(input: {
  students: TStudent[];
  assignments: TAssignment[];
  responses: { userId: string; assignmentId: string; attemptNumber: number; startedAt: Date; submittedAt: Date | null; questionId: string; answer: unknown; variant: Record<string, number> | null; score: number | null; maxScore: number | null; source: string | null; reviewed: boolean }[];
  labels: TExportLabels;
  locale: string;
}): string {
  const { labels, locale } = input;
  const students = new Map(input.students.map((s) => [s.id, s]));
  const assignments = new Map(input.assignments.map((a) => [a.id, a]));
  const questions = new Map(input.assignments.flatMap((a) => a.quizVersion.questions.map((q) => [q.id, q] as const)));
  const header = [labels.name, labels.email, labels.studentNumber, labels.section, labels.assignment, labels.attempt, labels.startedAt, labels.submittedAt, labels.question, labels.questionId, labels.type, labels.variant, labels.answer, labels.score, labels.maxScore, labels.gradedBy, labels.reviewed];
  const rows = input.responses.map((r) => {
    const student = students.get(r.userId);
    const assignment = assignments.get(r.assignmentId);
    const question = questions.get(r.questionId);
    const definition = question?.definition as TQuestion | undefined;
    return [
      student?.name ?? "",
      student?.email ?? "",
      student?.studentNumber,
      student?.section,
      assignment ? title(assignment, locale) : "",
      r.attemptNumber,
      r.startedAt.toISOString(),
      r.submittedAt?.toISOString(),
      question?.position !== undefined ? question.position + 1 : null,
      definition?.uuid,
      definition ? (labels.typeNames[definition.type] ?? definition.type) : "",
      // The numbers this student's version of the question used, e.g. "L=100, V=1000"
      r.variant ? Object.entries(r.variant).map(([name, value]) => `${name}=${value}`).join(", ") : "",
      definition ? answerText(instantiate(definition, r.variant ?? {}), r.answer, locale) : "",
      round2(r.score),
      r.maxScore ?? question?.points,
      r.source ? (labels.sourceNames[r.source] ?? r.source) : "",
      r.reviewed ? labels.yes : labels.no,
    ];
  });
  return toCsv(header, rows);
}
