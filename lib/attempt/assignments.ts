import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import type { TAuthorizedClassId } from "@/lib/core/session";
import type { TAssignmentFields } from "./schema";

/** Assigns the newest version of a quiz; later edits to the quiz make new versions and leave this one be. */
export async function createAssignment(db: TDb, classId: TAuthorizedClassId, fields: TAssignmentFields) {
  const version = await db.quizVersion.findFirst({ where: { quizId: fields.quizId, quiz: { kind: "ASSESSMENT" } }, orderBy: { version: "desc" }, select: { id: true } });
  if (!version) throw new AppError("NOT_FOUND");
  return db.assignment.create({
    data: {
      classId,
      quizId: fields.quizId,
      quizVersionId: version.id,
      mode: fields.mode,
      opensAt: fields.opensAt ? new Date(fields.opensAt) : null,
      closesAt: fields.closesAt ? new Date(fields.closesAt) : null,
      timeLimitMinutes: fields.timeLimitMinutes,
      attemptsAllowed: fields.attemptsAllowed,
      countedAttempt: fields.countedAttempt,
      feedbackTiming: fields.feedbackTiming,
      shuffleQuestions: fields.shuffleQuestions,
      shuffleOptions: fields.shuffleOptions,
      graceSeconds: fields.graceSeconds,
    },
    select: { id: true },
  });
}

/** The quizzes an instructor may assign, newest version's title and size. */
export async function findAssignableQuizzes(db: TDb) {
  const quizzes = await db.quiz.findMany({
    where: { kind: "ASSESSMENT" },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true, _count: { select: { questions: true } } } } },
  });
  return quizzes.flatMap((quiz) => (quiz.versions[0] ? [{ id: quiz.id, slug: quiz.slug, title: quiz.versions[0].title, questionCount: quiz.versions[0]._count.questions }] : []));
}
