import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/core/locales";
import { hitRateLimits } from "@/lib/core/rate-limit";
import { createFinalRounds, createPracticeRound, recomputeAttemptScore } from "@/lib/grading/mutations";
import { recordReviewResults } from "@/lib/practice/review-queue";
import { gradeQuestion } from "@/lib/quiz/grade-question";
import { answerFits } from "@/lib/quiz/answer-fits";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";
import { prepareQuestions } from "./prepare-questions";
import { whyCannotStart } from "./rules";
import type { TSavedAnswer } from "./schema";

// An attempt's life: start (the seeded variants are fixed by the attempt number), answers saved
// one by one as the student works, and one submission that grades everything on the server.
// The server's clock rules: answers are taken until the deadline plus the grace period, and an
// attempt left open past that is submitted with its saved answers by `finaliseOverdueAttempts`.

export type TAssignmentRules = {
  id: string;
  opensAt: Date | null;
  closesAt: Date | null;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  quizVersionId: string;
};


/** Opens a new attempt, or returns the one already in progress (a double click starts one). */
export async function startAttempt(db: TDb, input: { userId: string; assignment: TAssignmentRules; now?: Date }): Promise<{ attemptId: string; resumed: boolean }> {
  const now = input.now ?? new Date();
  const { assignment, userId } = input;
  // One read of the student's attempts answers everything: in progress, overdue, how many.
  let mine = await db.attempt.findMany({ where: { assignmentId: assignment.id, userId }, select: { id: true, status: true, deadlineAt: true } });
  const open = mine.find((attempt) => attempt.status === "IN_PROGRESS");
  if (open && open.deadlineAt && open.deadlineAt < now) {
    if (await finaliseOverdueAttempts(db, { now, assignmentId: assignment.id, userId })) {
      mine = await db.attempt.findMany({ where: { assignmentId: assignment.id, userId }, select: { id: true, status: true, deadlineAt: true } });
    }
  }
  const stillOpen = mine.find((attempt) => attempt.status === "IN_PROGRESS");
  if (stillOpen) return { attemptId: stillOpen.id, resumed: true };
  const taken = mine.length;
  const blocked = whyCannotStart(assignment, taken, now);
  if (blocked) throw new AppError(({ not_open: "QUIZ_NOT_OPEN", closed: "QUIZ_CLOSED", no_attempts_left: "NO_ATTEMPTS_LEFT" } as const)[blocked]);
  const byLimit = assignment.timeLimitMinutes ? new Date(now.getTime() + assignment.timeLimitMinutes * 60_000) : null;
  const deadlineAt = [byLimit, assignment.closesAt].filter((date): date is Date => date !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  try {
    const created = await db.attempt.create({
      data: { userId, assignmentId: assignment.id, quizVersionId: assignment.quizVersionId, number: taken + 1, variantSalt: assignment.id, status: "IN_PROGRESS", startedAt: now, deadlineAt },
      select: { id: true },
    });
    return { attemptId: created.id, resumed: false };
  } catch (error) {
    // Two starts racing for the same attempt number: the other one won, so resume it.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await db.attempt.findFirst({ where: { assignmentId: assignment.id, userId, status: "IN_PROGRESS" }, select: { id: true } });
    if (!winner) throw error;
    return { attemptId: winner.id, resumed: true };
  }
}

type TOpenAttempt = {
  userId: string;
  status: "IN_PROGRESS" | "SUBMITTED";
  number: number;
  variantSalt: string | null;
  score: number | null;
  maxScore: number | null;
  deadlineAt: Date | null;
  quizVersionId: string;
  graceSeconds: number;
  feedbackTiming: string;
};

async function findAttemptForWriting(db: Pick<TDb, "$queryRaw">, attemptId: string, options: { lock?: boolean } = {}): Promise<TOpenAttempt | null> {
  // One round trip: the attempt with its assignment's rules (and, for a submission, its row lock).
  const [row] = options.lock
    ? await db.$queryRaw<TOpenAttempt[]>`
        SELECT a."userId", a."status"::text AS "status", a."number", a."variantSalt", a."score", a."maxScore", a."deadlineAt", a."quizVersionId",
               COALESCE(s."graceSeconds", 60) AS "graceSeconds", COALESCE(s."feedbackTiming"::text, 'AFTER_SUBMIT') AS "feedbackTiming"
        FROM "Attempt" a LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
        WHERE a."id" = ${attemptId}
        FOR UPDATE OF a`
    : await db.$queryRaw<TOpenAttempt[]>`
        SELECT a."userId", a."status"::text AS "status", a."number", a."variantSalt", a."score", a."maxScore", a."deadlineAt", a."quizVersionId",
               COALESCE(s."graceSeconds", 60) AS "graceSeconds", COALESCE(s."feedbackTiming"::text, 'AFTER_SUBMIT') AS "feedbackTiming"
        FROM "Attempt" a LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
        WHERE a."id" = ${attemptId}`;
  return row ?? null;
}

/** Until when the server takes answers for this attempt. */
export function acceptsAnswersUntil(attempt: { deadlineAt: Date | null; graceSeconds: number }): Date | null {
  return attempt.deadlineAt ? new Date(attempt.deadlineAt.getTime() + attempt.graceSeconds * 1000) : null;
}

// Quiz versions never change, so which questions belong to one is cached for the process.
const questionIdsByVersion = new Map<string, Set<string>>();
async function questionIdsOf(db: Pick<TDb, "question">, quizVersionId: string): Promise<Set<string>> {
  let ids = questionIdsByVersion.get(quizVersionId);
  if (!ids) {
    ids = new Set((await db.question.findMany({ where: { quizVersionId }, select: { id: true } })).map((row) => row.id));
    questionIdsByVersion.set(quizVersionId, ids);
  }
  return ids;
}

// The questions of a version, in order, with their keys: read once per process (versions never change).
const questionsByVersion = new Map<string, Promise<{ id: string; definition: unknown }[]>>();
function questionsOf(db: Pick<TDb, "question">, quizVersionId: string) {
  let questions = questionsByVersion.get(quizVersionId);
  if (!questions) {
    questions = db.question.findMany({ where: { quizVersionId }, orderBy: { position: "asc" }, select: { id: true, definition: true } });
    questionsByVersion.set(quizVersionId, questions);
    questions.catch(() => questionsByVersion.delete(quizVersionId));
  }
  return questions;
}

/**
 * Stores one answer of the caller's own attempt. `seq` is the browser's counter for the
 * attempt: an answer replayed late (after a newer one was stored) changes nothing, and the
 * reply says which sequence number the server holds.
 */
export async function saveAnswer(db: TDb, input: { attemptId: string; userId: string; save: TSavedAnswer; now?: Date }): Promise<{ seq: number; savedAt: Date }> {
  const now = input.now ?? new Date();
  const attempt = await findAttemptForWriting(db, input.attemptId);
  // Someone else's attempt looks exactly like one that does not exist.
  if (!attempt || attempt.userId !== input.userId) throw new AppError("NOT_FOUND");
  checkWritable(attempt, now);
  await checkAnswersFit(db, attempt.quizVersionId, [input.save]);
  return upsertAnswer(db, input.attemptId, input.save, now);
}

/** Each answer is to a question of the attempt, and could have come from that question's form */
async function checkAnswersFit(db: Pick<TDb, "question">, quizVersionId: string, saves: TSavedAnswer[]): Promise<void> {
  const questions = new Map((await questionsOf(db, quizVersionId)).map((row) => [row.id, row.definition as TQuestion]));
  for (const save of saves) {
    const question = questions.get(save.questionId);
    if (!question) throw new AppError("QUESTION_NOT_IN_ATTEMPT");
    if (!answerFits(question, save.answer)) throw new AppError("INVALID_INPUT");
  }
}

function checkWritable(attempt: TOpenAttempt, now: Date) {
  if (attempt.status === "SUBMITTED") throw new AppError("ATTEMPT_SUBMITTED");
  const until = acceptsAnswersUntil(attempt);
  if (until && now > until) throw new AppError("TIME_UP");
}

async function upsertAnswer(db: Pick<TDb, "$queryRaw">, attemptId: string, save: TSavedAnswer, now: Date): Promise<{ seq: number; savedAt: Date }> {
  // One statement: insert, or update only when this answer is newer than the stored one, and
  // only while the attempt is in progress. The share lock on the attempt row orders it with a
  // submission (which holds the row for update): an answer lands before the grading or not at all.
  const rows = await db.$queryRaw<{ seq: number; updatedAt: Date }[]>`
    WITH open_attempt AS (SELECT "id" FROM "Attempt" WHERE "id" = ${attemptId} AND "status" = 'IN_PROGRESS' FOR SHARE)
    INSERT INTO "Response" ("id", "attemptId", "questionId", "answer", "seq", "updatedAt")
    SELECT ${`r_${crypto.randomUUID()}`}, "id", ${save.questionId}, ${JSON.stringify(save.answer)}::jsonb, ${save.seq}, ${now} FROM open_attempt
    ON CONFLICT ("attemptId", "questionId") DO UPDATE
      SET "answer" = EXCLUDED."answer", "seq" = EXCLUDED."seq", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "Response"."seq" < EXCLUDED."seq"
    RETURNING "seq", "updatedAt"`;
  if (rows[0]) return { seq: rows[0].seq, savedAt: rows[0].updatedAt };
  // Nothing written: either a newer answer is already stored, or the attempt was just submitted.
  const [stored] = await db.$queryRaw<{ seq: number | null; updatedAt: Date | null; status: string }[]>`
    SELECT r."seq", r."updatedAt", a."status"::text AS "status"
    FROM "Attempt" a LEFT JOIN "Response" r ON r."attemptId" = a."id" AND r."questionId" = ${save.questionId}
    WHERE a."id" = ${attemptId}`;
  if (!stored || stored.status !== "IN_PROGRESS" || stored.seq === null || stored.updatedAt === null) throw new AppError("ATTEMPT_SUBMITTED");
  return { seq: stored.seq, savedAt: stored.updatedAt };
}

/**
 * Saves an answer and grades that one question at once, for assignments whose feedback comes
 * right after each answer. The grade is not stored: submitting grades the final answers.
 */
export async function checkAnswer(db: TDb, input: { attemptId: string; userId: string; save: TSavedAnswer; now?: Date }) {
  const attempt = await findAttemptForWriting(db, input.attemptId);
  if (!attempt || attempt.userId !== input.userId) throw new AppError("NOT_FOUND");
  if (attempt.feedbackTiming !== "IMMEDIATE") throw new AppError("FORBIDDEN");
  const saved = await saveAnswer(db, input);
  const row = await db.question.findUniqueOrThrow({ where: { id: input.save.questionId }, select: { id: true, definition: true } });
  const [prepared] = prepareQuestions([row], attempt);
  return { ...saved, result: gradeQuestion(prepared!.question, input.save.answer) };
}

/** Feedback requests one student may make in ten minutes (a round per request at most) */
export const FEEDBACK_PER_STUDENT = { limit: 30, windowSeconds: 10 * 60 };

/**
 * Saves an open answer and queues a round of rubric feedback on it (assignments with feedback
 * after each answer). Asking again after revising starts the next round of the conversation.
 */
export async function requestFeedback(db: TDb, input: { attemptId: string; userId: string; save: TSavedAnswer; locale: TLocale; now?: Date }) {
  const attempt = await findAttemptForWriting(db, input.attemptId);
  if (!attempt || attempt.userId !== input.userId) throw new AppError("NOT_FOUND");
  if (attempt.feedbackTiming !== "IMMEDIATE") throw new AppError("FORBIDDEN");
  if (input.save.answer.type !== "open") throw new AppError("INVALID_INPUT");
  // Each request may start grading work: a student gets a fair number a while, not an unbounded one
  const limit = await hitRateLimits(db, [{ key: `feedback:${input.userId}`, rule: FEEDBACK_PER_STUDENT }], input.now);
  if (!limit.allowed) throw new AppError("TOO_MANY_REQUESTS");
  const saved = await saveAnswer(db, input);
  const response = await db.response.findUniqueOrThrow({
    where: { attemptId_questionId: { attemptId: input.attemptId, questionId: input.save.questionId } },
    select: { id: true, answer: true, question: { select: { type: true, points: true } } },
  });
  if (response.question.type !== "OPEN") throw new AppError("INVALID_INPUT");
  const answer = (response.answer as TAnswer).type === "open" ? (response.answer as { text: string }).text : "";
  const round = await createPracticeRound(db, { responseId: response.id, answer, locale: input.locale, maxScore: response.question.points });
  return { ...saved, ...round };
}

/** Remembers which questions the student flagged for later (any device sees the same flags). */
export async function setFlag(db: TDb, input: { attemptId: string; userId: string; questionId: string; flagged: boolean }) {
  const attempt = await findAttemptForWriting(db, input.attemptId);
  if (!attempt || attempt.userId !== input.userId) throw new AppError("NOT_FOUND");
  if (!(await questionIdsOf(db, attempt.quizVersionId)).has(input.questionId)) throw new AppError("QUESTION_NOT_IN_ATTEMPT");
  const current = await db.attempt.findUniqueOrThrow({ where: { id: input.attemptId }, select: { flagged: true } });
  const flagged = input.flagged ? [...new Set([...current.flagged, input.questionId])] : current.flagged.filter((id) => id !== input.questionId);
  await db.attempt.update({ where: { id: input.attemptId }, data: { flagged } });
  return flagged;
}

/** `roundIds`: the rubric gradings of its open answers, stored with the submission, for the queue */
export type TSubmitOutcome = { attemptId: string; score: number; maxScore: number; alreadySubmitted: boolean; roundIds: string[] };

/**
 * Submits an attempt exactly once. The attempt row is locked first, so a double click, a
 * second tab or a retry waits for the first submission and then gets its result. Answers sent
 * with the submission (the browser's unsent ones) are stored first while the clock allows.
 */
export async function submitAttempt(
  db: TDb,
  input: { attemptId: string; userId: string | null; answers?: TSavedAnswer[]; now?: Date; automatic?: boolean; locale?: TLocale },
): Promise<TSubmitOutcome> {
  const now = input.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const attempt = await findAttemptForWriting(tx, input.attemptId, { lock: true });
      if (!attempt || (input.userId !== null && attempt.userId !== input.userId)) throw new AppError("NOT_FOUND");
      if (attempt.status === "SUBMITTED") {
        return { attemptId: input.attemptId, score: attempt.score ?? 0, maxScore: attempt.maxScore ?? 0, alreadySubmitted: true, roundIds: [] };
      }
      const until = acceptsAnswersUntil(attempt);
      const late = until !== null && now > until;
      if (input.answers?.length && !late) {
        await checkAnswersFit(tx, attempt.quizVersionId, input.answers);
        for (const save of input.answers) await upsertAnswer(tx, input.attemptId, save, now);
      }
      const responses = await tx.$queryRaw<{ id: string; questionId: string; answer: TAnswer }[]>`
        SELECT "id", "questionId", "answer" FROM "Response" WHERE "attemptId" = ${input.attemptId}`;
      const questions = await questionsOf(tx, attempt.quizVersionId);
      const stored = new Map(responses.map((response) => [response.questionId, response.answer]));
      let score = 0;
      let maxScore = 0;
      const forReview: { questionUuid: string; ratio: number }[] = [];
      const graded = prepareQuestions(questions, attempt).map((prepared) => ({
        prepared,
        result: gradeQuestion(prepared.question, stored.get(prepared.id)),
      }));
      for (const { prepared, result } of graded) {
        score += result.score;
        maxScore += result.maxScore;
        if (result.outcome !== "awaiting_grading" && result.maxScore > 0) forReview.push({ questionUuid: prepared.question.uuid, ratio: result.score / result.maxScore });
      }
      // A handful of statements whatever the quiz's length: unanswered questions get a row,
      // parameterized ones record their variant, and every graded answer gets its grade.
      const variantOf = (entry: (typeof graded)[number]) => (Object.keys(entry.prepared.variant).length ? entry.prepared.variant : undefined);
      // No answer can arrive meanwhile: saving one needs a share lock on the attempt row held here.
      const created = await tx.response.createManyAndReturn({
        data: graded.filter((entry) => !stored.has(entry.prepared.id)).map((entry) => ({ attemptId: input.attemptId, questionId: entry.prepared.id, answer: { type: "unanswered" }, variant: variantOf(entry) })),
        select: { id: true, questionId: true },
      });
      for (const entry of graded.filter((candidate) => stored.has(candidate.prepared.id) && variantOf(candidate))) {
        await tx.response.update({ where: { attemptId_questionId: { attemptId: input.attemptId, questionId: entry.prepared.id } }, data: { variant: variantOf(entry) } });
      }
      const responseIds = new Map([...responses, ...created].map((row) => [row.questionId, row.id]));
      await tx.grade.createMany({
        data: graded
          .filter((entry) => entry.result.outcome !== "awaiting_grading")
          .map(({ prepared, result }) => ({ responseId: responseIds.get(prepared.id)!, score: result.score, maxScore: result.maxScore, source: "AUTO" as const, feedback: result })),
      });
      // Open answers are graded against their rubric by a queued job; the rounds are stored here,
      // with the submission, so that none is lost if the queue is down for a moment.
      const roundIds = await createFinalRounds(
        tx,
        graded.flatMap(({ prepared, result }) => {
          const answer = stored.get(prepared.id);
          return result.outcome === "awaiting_grading" && answer?.type === "open"
            ? [{ responseId: responseIds.get(prepared.id)!, answer: answer.text, locale: input.locale ?? DEFAULT_LOCALE, maxScore: result.maxScore }]
            : [];
        }),
      );
      // Missed and weak questions join the student's review queue, unless results wait for the quiz to close.
      if (attempt.feedbackTiming !== "AFTER_CLOSE") await recordReviewResults(tx, attempt.userId, forReview, now);
      // An attempt finished by the clock counts as submitted at its deadline.
      const submittedAt = late && attempt.deadlineAt ? attempt.deadlineAt : now;
      await tx.attempt.update({ where: { id: input.attemptId }, data: { status: "SUBMITTED", submittedAt, score, maxScore, autoSubmitted: Boolean(input.automatic) } });
      // The per-question scores, which the item analysis reads
      await recomputeAttemptScore(tx, input.attemptId);
      return { attemptId: input.attemptId, score, maxScore, alreadySubmitted: false, roundIds };
    },
    // Many students submit in the same minute: wait for a connection rather than fail.
    { timeout: 20_000, maxWait: 15_000 },
  );
}

/**
 * Submits, with their saved answers, the attempts whose deadline and grace period have passed.
 * Safe to run in several processes at once: each submission locks its attempt.
 */
export async function finaliseOverdueAttempts(db: TDb, options: { now?: Date; assignmentId?: string; userId?: string; limit?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const overdue = await db.$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "Attempt" a JOIN "Assignment" s ON s."id" = a."assignmentId"
    WHERE a."status" = 'IN_PROGRESS' AND a."deadlineAt" IS NOT NULL
      AND a."deadlineAt" + make_interval(secs => s."graceSeconds") < ${now}
      AND (${options.assignmentId ?? null}::text IS NULL OR a."assignmentId" = ${options.assignmentId ?? null})
      AND (${options.userId ?? null}::text IS NULL OR a."userId" = ${options.userId ?? null})
    ORDER BY a."deadlineAt" LIMIT ${options.limit ?? 200}`;
  for (const { id } of overdue) await submitAttempt(db, { attemptId: id, userId: null, now, automatic: true });
  return overdue.length;
}
