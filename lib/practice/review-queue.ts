import { answerFits } from "@/lib/quiz/answer-fits";
import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { gradeQuestion, type TGradeResult } from "@/lib/quiz/grade-question";
import { toPublicQuestion } from "@/lib/quiz/public-question";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";
import { drawVariant, instantiate } from "@/lib/quiz/variants";
import { needsReview, schedule, toStored, type TStoredCard } from "./review-schedule";

type TTx = Pick<TDb, "reviewCard">;

/**
 * Feeds graded results into the student's review queue: a missed or weak question enters it,
 * and a question already in it is rescheduled by its new result.
 */
export async function recordReviewResults(db: TTx, userId: string, results: { questionUuid: string; ratio: number }[], now: Date) {
  if (results.length === 0) return;
  const existing = new Map(
    (await db.reviewCard.findMany({ where: { userId, questionUuid: { in: results.map((r) => r.questionUuid) } } })).map((row) => [row.questionUuid, row]),
  );
  const fresh = [];
  for (const result of results) {
    const current = existing.get(result.questionUuid);
    if (!current && !needsReview(result.ratio)) continue;
    const card = schedule(current ? (current.card as TStoredCard) : null, result.ratio, now);
    const data = { card: toStored(card), due: card.due, lastRatio: result.ratio };
    if (current) await db.reviewCard.update({ where: { id: current.id }, data });
    else fresh.push({ userId, questionUuid: result.questionUuid, ...data });
  }
  // New cards in one statement (a long quiz with many misses is the common case).
  if (fresh.length) await db.reviewCard.createMany({ data: fresh, skipDuplicates: true });
}

/** The newest definition of a question (by its uuid) from an assessment quiz. */
async function latestQuestion(db: Pick<TDb, "question">, questionUuid: string) {
  const row = await db.question.findFirst({
    where: { questionUuid, quizVersion: { quiz: { kind: "ASSESSMENT" } } },
    orderBy: { quizVersion: { createdAt: "desc" } },
    select: { id: true, definition: true, quizVersion: { select: { quiz: { select: { lecture: { select: { slug: true } } } } } } },
  });
  return row ? { id: row.id, definition: row.definition as TQuestion, lectureSlug: row.quizVersion.quiz.lecture.slug } : null;
}

/** Each review of a card shows a fresh variant of a parameterized question. */
function reviewSeed(userId: string, questionUuid: string, reps: number) {
  return `review:${userId}:${questionUuid}:${reps}`;
}

/** What the review page shows: how many are due, when the next comes, and the first due question. */
export async function findReviewQueue(db: TDb, userId: string, now: Date) {
  const [due, total, next] = await Promise.all([
    db.reviewCard.count({ where: { userId, due: { lte: now } } }),
    db.reviewCard.count({ where: { userId } }),
    db.reviewCard.findFirst({ where: { userId }, orderBy: { due: "asc" } }),
  ]);
  let question = null;
  if (next && next.due <= now) {
    const latest = await latestQuestion(db, next.questionUuid);
    if (latest) {
      const seed = reviewSeed(userId, next.questionUuid, (next.card as TStoredCard).reps);
      question = { questionUuid: next.questionUuid, public: toPublicQuestion(latest.id, instantiate(latest.definition, drawVariant(latest.definition, seed)), seed) };
    }
  }
  return { due, total, nextDue: next?.due ?? null, question };
}

/** Grades a review answer on the variant shown, reschedules the card and returns the feedback. */
export async function answerReview(db: TDb, input: { userId: string; questionUuid: string; answer: TAnswer; now?: Date }): Promise<{ grade: TGradeResult; question: TQuestion; lectureSlug: string; nextDue: Date }> {
  const now = input.now ?? new Date();
  const card = await db.reviewCard.findUnique({ where: { userId_questionUuid: { userId: input.userId, questionUuid: input.questionUuid } } });
  if (!card) throw new AppError("NOT_FOUND");
  const latest = await latestQuestion(db, input.questionUuid);
  if (!latest || latest.definition.type === "open") throw new AppError("NOT_FOUND");
  if (!answerFits(latest.definition, input.answer)) throw new AppError("INVALID_INPUT");
  const stored = card.card as TStoredCard;
  const question = instantiate(latest.definition, drawVariant(latest.definition, reviewSeed(input.userId, input.questionUuid, stored.reps)));
  const grade = gradeQuestion(question, input.answer);
  const ratio = grade.maxScore > 0 ? grade.score / grade.maxScore : 0;
  const next = schedule(stored, ratio, now);
  // Only the card as it was read is updated: a second tab answering the same review does nothing twice.
  const updated = await db.reviewCard.updateMany({ where: { id: card.id, updatedAt: card.updatedAt }, data: { card: toStored(next), due: next.due, lastRatio: ratio } });
  return { grade, question, lectureSlug: latest.lectureSlug, nextDue: updated.count ? next.due : card.due };
}
