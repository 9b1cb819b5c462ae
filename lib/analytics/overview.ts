import type { TLocalizedText } from "@/lib/quiz/schema";

// Puts the class overview together from its aggregated reads.

type TAssignmentRow = { id: string; mode: string; opensAt: Date | null; closesAt: Date | null; quizVersion: { title: unknown; version: number }; _count: { attempts: number } };
type TConcept = { id: string; name: TLocalizedText };

export const BANDS = 10;

export function buildOverview(input: {
  now: Date;
  assignments: TAssignmentRow[];
  participation: { day: string; attempts: number; students: number }[];
  bands: { assignmentId: string; band: number; count: number }[];
  figures: { assignmentId: string; students: number; meanRatio: number | null; meanSeconds: number | null; medianSeconds: number | null; pending: number }[];
  completion: { assignmentId: string; section: string; students: number; completed: number }[];
  mastery: { userId: string; concept: string; mastery: number; questions: number }[];
  students: { id: string; name: string; email: string; section: string | null }[];
  concepts: TConcept[];
}) {
  const assignments = input.assignments.map((a) => {
    const figures = input.figures.find((f) => f.assignmentId === a.id);
    const open = (!a.opensAt || a.opensAt <= input.now) && (!a.closesAt || input.now < a.closesAt);
    return {
      id: a.id,
      mode: a.mode,
      title: a.quizVersion.title as TLocalizedText,
      version: a.quizVersion.version,
      open,
      inProgress: a._count.attempts,
      students: figures?.students ?? 0,
      meanRatio: figures?.meanRatio ?? null,
      meanSeconds: figures?.meanSeconds ?? null,
      medianSeconds: figures?.medianSeconds ?? null,
      /** Answers of counted attempts still being graded: they count 0 in the scores until they are */
      pending: figures?.pending ?? 0,
      // Band i holds scores from (i-1)·10 % up to i·10 %; a full score is in band 10.
      histogram: Array.from({ length: BANDS }, (_, i) => input.bands.find((b) => b.assignmentId === a.id && b.band === i + 1)?.count ?? 0),
      completion: input.completion.filter((c) => c.assignmentId === a.id).map(({ section, students, completed }) => ({ section, students, completed })),
    };
  });
  const byStudent = new Map<string, Record<string, number>>();
  for (const m of input.mastery) {
    const row = byStudent.get(m.userId) ?? {};
    row[m.concept] = m.mastery;
    byStudent.set(m.userId, row);
  }
  // The class mean is over the students now enrolled, as the heatmap's rows are
  const enrolled = input.students.map((student) => byStudent.get(student.id) ?? {});
  const conceptMeans = Object.fromEntries(
    input.concepts.map((c) => {
      const values = enrolled.flatMap((row) => (row[c.id] === undefined ? [] : [row[c.id]!]));
      return [c.id, values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null];
    }),
  );
  return {
    computedAt: input.now,
    assignments,
    participation: input.participation,
    // Every concept of the lecture gets a column; one no assigned question tests stays empty
    concepts: input.mastery.length ? input.concepts : [],
    conceptMeans,
    heatmap: input.students.map((student) => ({ student, mastery: byStudent.get(student.id) ?? {} })),
    /** A quiz is being taken right now: the page refreshes itself */
    live: assignments.some((a) => a.open && a.inProgress > 0),
  };
}

export type TOverview = ReturnType<typeof buildOverview>;
