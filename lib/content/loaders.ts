import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/core/db";
import { loadContent, type TContent } from "./load-content";

// Content files do not change while the server runs (npm start re-syncs them on start).
let contentPromise: Promise<TContent> | undefined;
function content(): Promise<TContent> {
  contentPromise ??= loadContent();
  return contentPromise;
}

export async function loadLectureList() {
  const { lectures } = await content();
  return lectures
    .map((lecture) => ({ slug: lecture.slug, number: lecture.data.number, title: lecture.data.title, summary: lecture.data.summary }))
    .sort((a, b) => a.number - b.number);
}

export async function loadLecture(slug: string) {
  const lecture = (await content()).lectures.find((candidate) => candidate.slug === slug);
  if (!lecture) notFound();
  const quizzes = await db.quiz.findMany({ where: { lectureId: lecture.data.uuid }, select: { slug: true, title: true } });
  return { slug, data: lecture.data, notes: lecture.notes, quizzes };
}
