import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { createDb } from "../lib/core/db";
import { E2E_DATABASE_URL } from "./fixtures";

// A small world of every kind of caller, for the access matrix and the fuzz run: a class with its
// instructor, TA and student, another class with its own instructor and student, a site admin,
// an assignment with attempts (one submitted, one open), an essay attempt, a grading round and a
// review card. Every account has the same password.

export const ROLES = ["anonymous", "student", "otherStudent", "ta", "otherInstructor", "instructor", "admin"] as const;
export type TRole = (typeof ROLES)[number];

export type TWorld = {
  classId: string;
  assignmentId: string;
  attemptId: string;
  openAttemptId: string;
  questionId: string;
  questionUuid: string;
  quizId: string;
  studentId: string;
  instructorId: string;
  instructorEmail: string;
  taId: string;
  checkQuestionId: string;
  essayAttemptId: string;
  essayQuestionId: string;
  roundId: string;
  responseId: string;
};

export async function createWorld(): Promise<{ world: TWorld; users: Record<Exclude<TRole, "anonymous">, { id: string; email: string }>; password: string }> {
  const db = createDb(E2E_DATABASE_URL);
  const password = "matrix-password-1";
  const passwordHash = await hashPassword(password);
  const stamp = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const users = Object.fromEntries(
    await Promise.all(
      ROLES.filter((role) => role !== "anonymous").map(async (role) => [
        role,
        await db.user.create({ data: { email: `matrix-${role.toLowerCase()}-${stamp}@example.com`, name: role, passwordHash, siteRole: role === "admin" ? "ADMIN" : "USER", canTeach: role === "instructor" || role === "otherInstructor" } }),
      ]),
    ),
  ) as Record<Exclude<TRole, "anonymous">, { id: string; email: string }>;
  const version = await db.quizVersion.findFirstOrThrow({ where: { quiz: { slug: "01-starter" } }, orderBy: { version: "desc" } });
  const klass = await db.class.create({
    data: {
      name: `Matrix ${stamp}`,
      enrollments: { create: [{ userId: users.instructor.id, role: "INSTRUCTOR" }, { userId: users.ta.id, role: "TA" }, { userId: users.student.id, role: "STUDENT" }] },
      assignments: { create: { quizId: version.quizId, quizVersionId: version.id, feedbackTiming: "IMMEDIATE" } },
    },
    include: { assignments: true },
  });
  await db.class.create({ data: { name: `Other ${stamp}`, enrollments: { create: [{ userId: users.otherInstructor.id, role: "INSTRUCTOR" }, { userId: users.otherStudent.id, role: "STUDENT" }] } } });
  const attempt = await db.attempt.create({ data: { userId: users.student.id, quizVersionId: version.id, assignmentId: klass.assignments[0]!.id, status: "SUBMITTED", submittedAt: new Date(), score: 0, maxScore: 4 } });
  const check = await db.question.findFirstOrThrow({ where: { quizVersion: { quiz: { kind: "CHECK_YOURSELF" } } } });
  const open = await db.attempt.create({ data: { userId: users.student.id, quizVersionId: version.id, assignmentId: klass.assignments[0]!.id, number: 2 } });
  const question = await db.question.findFirstOrThrow({ where: { quizVersionId: version.id, type: "NUMERIC" } });
  // The student has this question in their review queue; nobody else does.
  await db.reviewCard.create({ data: { userId: users.student.id, questionUuid: question.questionUuid, card: { due: new Date().toISOString(), stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 }, due: new Date(), lastRatio: 0 } });
  // An attempt at a quiz with an open question, and a finished final grading round on the student's answer
  const essayVersion = await db.quizVersion.findFirstOrThrow({ where: { quiz: { slug: "02-what-generative-ai-is" } }, orderBy: { version: "desc" } });
  const essayAssignment = await db.assignment.create({ data: { classId: klass.id, quizId: essayVersion.quizId, quizVersionId: essayVersion.id, feedbackTiming: "IMMEDIATE" } });
  const essayAttempt = await db.attempt.create({ data: { userId: users.student.id, quizVersionId: essayVersion.id, assignmentId: essayAssignment.id } });
  const essay = await db.question.findFirstOrThrow({ where: { quizVersionId: essayVersion.id, type: "OPEN" } });
  const response = await db.response.create({ data: { attemptId: attempt.id, questionId: question.id, answer: { type: "numeric", text: "1" } } });
  await db.grade.create({ data: { responseId: response.id, score: 0, maxScore: 1, source: "AUTO", feedback: { score: 0, maxScore: 1, outcome: "incorrect", feedback: [] } } });
  const round = await db.feedbackRound.create({ data: { responseId: response.id, round: 1, purpose: "FINAL", answer: "1", locale: "en", status: "DONE", maxScore: 1, score: 0 } });
  const world: TWorld = {
    classId: klass.id,
    assignmentId: klass.assignments[0]!.id,
    attemptId: attempt.id,
    openAttemptId: open.id,
    questionId: question.id,
    questionUuid: question.questionUuid,
    quizId: version.quizId,
    studentId: users.student.id,
    instructorId: users.instructor.id,
    instructorEmail: users.instructor.email,
    taId: users.ta.id,
    checkQuestionId: check.id,
    essayAttemptId: essayAttempt.id,
    essayQuestionId: essay.id,
    roundId: round.id,
    responseId: response.id,
  };
  await db.$disconnect();
  return { world, users, password };
}
