import { localize } from "@/lib/content/localize";
import { toCsv } from "@/lib/core/csv-export";
import type { TLocalizedText, TQuestion } from "@/lib/quiz/schema";
import { answerText } from "./answer-text";

// The gradebook and responses exports. Every cell goes through toCsv, which neutralises spreadsheet formulas.

type TStudent = { id: string; name: string; email: string; studentNumber: string | null; section: string | null };
type TAssignment = { id: string; quizVersion: { title: unknown; version: number; questions: { id: string; position: number; points: number; definition: unknown }[] } };

export type TExportLabels = { email: string; name: string; studentNumber: string; section: string; assignment: string; attempt: string; startedAt: string; submittedAt: string; question: string; questionId: string; type: string; answer: string; score: string; maxScore: string; gradedBy: string; reviewed: string; yes: string; no: string };

const title = (assignment: TAssignment, locale: string) => `${localize(assignment.quizVersion.title as TLocalizedText, locale)} (v${assignment.quizVersion.version})`;
/** Scores to two decimals: partial credit like 2/7 of a point would otherwise print 15 digits */
const round2 = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 100) / 100);
const maxOf = (assignment: TAssignment) => assignment.quizVersion.questions.reduce((sum, q) => sum + q.points, 0);

/** One row per student, one column per assignment: the score of the attempt that counts, empty when none. */
export function gradebookCsv(input: { students: TStudent[]; assignments: TAssignment[]; cells: { assignmentId: string; userId: string; score: number | null }[]; labels: TExportLabels; locale: string }): string {
  const cell = new Map(input.cells.map((c) => [`${c.assignmentId}:${c.userId}`, c.score]));
  const header = [input.labels.name, input.labels.email, input.labels.studentNumber, input.labels.section, ...input.assignments.map((a) => `${title(a, input.locale)} / ${round2(maxOf(a))}`)];
  const rows = input.students.map((student) => [student.name, student.email, student.studentNumber, student.section, ...input.assignments.map((a) => round2(cell.get(`${a.id}:${student.id}`)))]);
  return toCsv(header, rows);
}

/** One row per answer of every submitted attempt, as a person reads it. */
export function responsesCsv(input: {
  students: TStudent[];
  assignments: TAssignment[];
  responses: { userId: string; assignmentId: string; attemptNumber: number; startedAt: Date; submittedAt: Date | null; questionId: string; answer: unknown; score: number | null; maxScore: number | null; source: string | null; reviewed: boolean }[];
  labels: TExportLabels;
  locale: string;
}): string {
  const { labels, locale } = input;
  const students = new Map(input.students.map((s) => [s.id, s]));
  const assignments = new Map(input.assignments.map((a) => [a.id, a]));
  const questions = new Map(input.assignments.flatMap((a) => a.quizVersion.questions.map((q) => [q.id, q] as const)));
  const header = [labels.name, labels.email, labels.studentNumber, labels.section, labels.assignment, labels.attempt, labels.startedAt, labels.submittedAt, labels.question, labels.questionId, labels.type, labels.answer, labels.score, labels.maxScore, labels.gradedBy, labels.reviewed];
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
      definition?.type,
      definition ? answerText(definition, r.answer, locale) : "",
      round2(r.score),
      r.maxScore ?? question?.points,
      r.source?.toLowerCase(),
      r.reviewed ? labels.yes : labels.no,
    ];
  });
  return toCsv(header, rows);
}
