import "server-only";
import { feedbackReleased } from "@/lib/attempt/rules";
import { loadConcepts } from "@/lib/content/cached-content";
import type { TDb } from "@/lib/core/db";
import type { TLocalizedText, TQuestion } from "@/lib/quiz/schema";

export type TConceptMastery = { id: string; name: TLocalizedText; lectureSlug: string; mastery: number | null; questions: number };

/**
 * Mastery of a concept: the mean share of points on the latest result of each question that
 * tests it (results of exams still closed to feedback are left out until they open).
 */
export async function findProgress(db: TDb, userId: string, now: Date) {
  const [concepts, responses, attempts] = await Promise.all([
    loadConcepts(),
    db.response.findMany({
      where: { attempt: { userId, status: "SUBMITTED" }, grade: { isNot: null } },
      select: {
        grade: { select: { score: true, maxScore: true } },
        question: { select: { questionUuid: true, definition: true } },
        attempt: { select: { submittedAt: true, assignment: { select: { feedbackTiming: true, closesAt: true } } } },
      },
    }),
    db.attempt.findMany({
      where: { userId, status: "SUBMITTED" },
      orderBy: { submittedAt: "desc" },
      take: 50,
      select: { id: true, score: true, maxScore: true, submittedAt: true, quizVersion: { select: { title: true } }, assignment: { select: { feedbackTiming: true, closesAt: true, class: { select: { name: true } } } } },
    }),
  ]);
  const latest = new Map<string, { at: number; ratio: number; concepts: string[] }>();
  for (const response of responses) {
    if (!feedbackReleased(response.attempt.assignment, now) || !response.grade || response.grade.maxScore <= 0) continue;
    const at = response.attempt.submittedAt?.getTime() ?? 0;
    const previous = latest.get(response.question.questionUuid);
    if (previous && previous.at >= at) continue;
    latest.set(response.question.questionUuid, { at, ratio: response.grade.score / response.grade.maxScore, concepts: (response.question.definition as TQuestion).concepts });
  }
  const byConcept = new Map<string, number[]>();
  for (const { ratio, concepts: tested } of latest.values()) {
    for (const concept of tested) byConcept.set(concept, [...(byConcept.get(concept) ?? []), ratio]);
  }
  const mastery: TConceptMastery[] = concepts.map((concept) => {
    const ratios = byConcept.get(concept.id) ?? [];
    return { ...concept, questions: ratios.length, mastery: ratios.length ? ratios.reduce((sum, r) => sum + r, 0) / ratios.length : null };
  });
  return {
    mastery,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      title: attempt.quizVersion.title as TLocalizedText,
      className: attempt.assignment?.class.name ?? null,
      submittedAt: attempt.submittedAt,
      score: feedbackReleased(attempt.assignment, now) ? { score: attempt.score ?? 0, max: attempt.maxScore ?? 0 } : null,
    })),
  };
}
