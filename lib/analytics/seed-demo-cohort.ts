import { readFile } from "node:fs/promises";
import path from "node:path";
import { prepareQuestions } from "@/lib/attempt/prepare-questions";
import { startAttempt, submitAttempt } from "@/lib/attempt/mutations";
import { CONTENT_DIR } from "@/lib/content/load-content";
import type { TDb } from "@/lib/core/db";
import { builtinGrader } from "@/lib/grading/builtin-grader";
import { parseEvalRecords } from "@/lib/grading/eval-records";
import { runRound } from "@/lib/grading/run-round";
import { seededRandom } from "@/lib/quiz/variants";
import { DEMO_COHORT_CLASS_ID } from "@/lib/roster/seed-demo";
import { simulateAnswer, type TOpenAnswerBank } from "./simulated-answers";

// A demo class whose students have taken the lecture's quizzes over the past two weeks, so that
// the dashboards have something to show on a fresh install. Every attempt goes through the same
// start and submit code as a student's, so grades, variants and rubric gradings are real.

const FAMILY = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭"];
const GIVEN = ["怡君", "志明", "雅婷", "冠宇", "家豪", "詩涵", "承恩", "宜蓁", "柏翰", "品妤"];
const SECTIONS = ["01", "02", "03"];
const DAY = 24 * 60 * 60 * 1000;

/** Right and wrong answers from the grading evaluation set, by question: realistic open answers. */
async function openAnswerBank(): Promise<TOpenAnswerBank> {
  const file = path.join(CONTENT_DIR, "grading-eval", "lecture-01.jsonl");
  const bank: TOpenAnswerBank = new Map();
  for (const record of parseEvalRecords(await readFile(file, "utf8"), file)) {
    if (!record.question_uuid) continue;
    const entry = bank.get(record.question_uuid) ?? { right: [], wrong: [] };
    (record.label === "correct" ? entry.right : entry.wrong).push(record.student_answer);
    bank.set(record.question_uuid, entry);
  }
  return bank;
}

/** Creates the cohort class once (it is left alone when it exists); the demo instructor teaches it. */
export async function seedDemoCohort(db: TDb, options: { students?: number; instructorEmail: string; now?: Date }): Promise<boolean> {
  if (await db.class.findUnique({ where: { id: DEMO_COHORT_CLASS_ID }, select: { id: true } })) return false;
  const now = options.now ?? new Date();
  const random = seededRandom("demo-cohort");
  const instructor = await db.user.findUniqueOrThrow({ where: { email: options.instructorEmail }, select: { id: true } });
  const quizzes = await db.quiz.findMany({
    where: { kind: "ASSESSMENT" },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, questions: { orderBy: { position: "asc" }, select: { id: true, definition: true } } } } },
  });
  await db.class.create({
    data: { id: DEMO_COHORT_CLASS_ID, name: "GenAI 2024 統計示範班 (demo cohort)", term: "2024 Spring", sections: SECTIONS, enrollments: { create: { userId: instructor.id, role: "INSTRUCTOR" } } },
  });
  const count = options.students ?? 24;
  const students = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ email: `cohort${String(i + 1).padStart(2, "0")}@example.com`, name: `${FAMILY[i % FAMILY.length]}${GIVEN[(i * 7) % GIVEN.length]}` })),
    skipDuplicates: true,
    select: { id: true, name: true },
  });
  await db.enrollment.createMany({
    data: students.map((student, i) => ({ classId: DEMO_COHORT_CLASS_ID, userId: student.id, role: "STUDENT" as const, rosterName: student.name, studentNumber: `B11${String(20_001 + i)}`, section: SECTIONS[i % SECTIONS.length] })),
  });
  const bank = await openAnswerBank();
  // Skill from a rough normal distribution (the sum of three uniforms), fixed per student.
  const skills = students.map(() => (random() + random() + random() - 1.5) * 1.6);
  for (const [q, quiz] of quizzes.entries()) {
    const version = quiz.versions[0];
    if (!version) continue;
    const exam = q % 2 === 1;
    const opensAt = new Date(now.getTime() - (14 - q * 3) * DAY);
    const assignment = await db.assignment.create({
      data: { classId: DEMO_COHORT_CLASS_ID, quizId: quiz.id, quizVersionId: version.id, mode: exam ? "EXAM" : "PRACTICE", opensAt, closesAt: exam ? new Date(opensAt.getTime() + 2 * DAY) : null, timeLimitMinutes: exam ? 30 : null, attemptsAllowed: exam ? 1 : null, feedbackTiming: exam ? "AFTER_SUBMIT" : "IMMEDIATE" },
    });
    for (const [s, student] of students.entries()) {
      if (random() < 0.12) continue; // some never take it
      const attempts = exam ? 1 : 1 + Number(random() < 0.4);
      for (let n = 0; n < attempts; n++) {
        const startedAt = new Date(Math.min(opensAt.getTime() + random() * (exam ? 1.9 : 3) * DAY + (n * DAY) / 4, now.getTime() - DAY / 24));
        const { attemptId } = await startAttempt(db, { userId: student.id, assignment, now: startedAt });
        const skill = skills[s]! + n * 0.4; // a second try goes a little better
        const answers = prepareQuestions(version.questions, { userId: student.id, number: n + 1, variantSalt: assignment.id }).flatMap((prepared) => {
          const answer = simulateAnswer(prepared.question, skill, random, bank);
          return answer ? [{ questionId: prepared.id, answer, seq: 1 }] : [];
        });
        const minutes = 4 + random() * 20 - skill * 2;
        const { roundIds } = await submitAttempt(db, { attemptId, userId: student.id, answers, now: new Date(startedAt.getTime() + Math.max(2, minutes) * 60_000), locale: "zh-TW" });
        // Open answers are graded here by the built-in grader, so the demo is complete when the app starts.
        for (const roundId of roundIds) await runRound(db, roundId, { grader: builtinGrader });
      }
    }
  }
  return true;
}
