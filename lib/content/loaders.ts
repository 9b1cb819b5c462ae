import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/core/db";
import { toPublicQuestion, type TPublicQuestion } from "@/lib/quiz/public-question";
import type { TQuestion } from "@/lib/quiz/schema";
import { drawVariant, instantiate } from "@/lib/quiz/variants";
import { content } from "./cached-content";
import { findModelProbabilities } from "./next-token-probabilities";


export async function loadLectureList() {
  const { lectures } = await content();
  return lectures
    .map((lecture) => ({ slug: lecture.slug, number: lecture.data.number, title: lecture.data.title, summary: lecture.data.summary }))
    .sort((a, b) => a.number - b.number);
}

export async function loadLecture(slug: string) {
  const lecture = (await content()).lectures.find((candidate) => candidate.slug === slug);
  if (!lecture) notFound();
  const quizzes = await db.quiz.findMany({ where: { lectureId: lecture.data.uuid, kind: "ASSESSMENT" }, select: { slug: true, title: true } });
  return { slug, data: lecture.data, notes: lecture.notes, quizzes, checks: await findChecks(lecture.data.uuid) };
}

/** The latest "check yourself" question of each section, as the browser may see it. */
async function findChecks(lectureUuid: string): Promise<Record<string, TPublicQuestion>> {
  const checkQuizzes = await db.quiz.findMany({
    where: { lectureId: lectureUuid, kind: "CHECK_YOURSELF" },
    select: { versions: { orderBy: { version: "desc" }, take: 1, select: { questions: { orderBy: { position: "asc" }, select: { id: true, definition: true } } } } },
  });
  const checks: Record<string, TPublicQuestion> = {};
  for (const quiz of checkQuizzes) {
    for (const row of quiz.versions[0]?.questions ?? []) {
      const question = row.definition as TQuestion;
      if (checks[question.section]) continue;
      // Shuffled like every quiz (seeded by the question, so a reload keeps the order): the key is never simply first
      checks[question.section] = toPublicQuestion(row.id, instantiate(question, drawVariant(question, `check:${row.id}`)), `check:${row.id}`, { shuffleOptions: true });
    }
  }
  return checks;
}

/** A language model's real numbers for a next_token question's context as the student saw it, or null */
export const loadModelProbabilities = cache((questionUuid: string, locale: string, context: string) => findModelProbabilities(db, { questionUuid, locale, context }));
