import { hashPassword } from "@/lib/auth/password";
import type { TDb } from "@/lib/core/db";

export const DEMO_PASSWORD = "jielong-demo";
export const DEMO_CLASS_ID = "demo-genai-2024";
/** A second demo class whose students have taken the quizzes (lib/analytics/seed-demo-cohort.ts) */
export const DEMO_COHORT_CLASS_ID = "demo-genai-2024-cohort";
export const DEMO_ACCOUNTS = [
  { email: "instructor@example.com", name: "李老師 (demo instructor)", role: "INSTRUCTOR" },
  { email: "student1@example.com", name: "王小明", role: "STUDENT" },
  { email: "student2@example.com", name: "陳美玲", role: "STUDENT" },
  { email: "student3@example.com", name: "Alex Lin", role: "STUDENT" },
] as const;

// Demo accounts, the demo class, and an assignment of every quiz to it. Safe to run again:
// it only creates what is missing and never touches anyone's attempts.
export async function seedDemo(db: TDb): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.class.upsert({
    where: { id: DEMO_CLASS_ID },
    create: { id: DEMO_CLASS_ID, name: "GenAI 2024 (demo)", term: "2024 Spring" },
    update: {},
  });
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      // The demo instructor may create classes of their own
      create: { email: account.email, name: account.name, passwordHash, canTeach: account.role === "INSTRUCTOR" },
      update: account.role === "INSTRUCTOR" ? { canTeach: true } : {},
    });
    await db.enrollment.upsert({
      where: { classId_userId: { classId: DEMO_CLASS_ID, userId: user.id } },
      create: { classId: DEMO_CLASS_ID, userId: user.id, role: account.role },
      update: {},
    });
  }
  const quizzes = await db.quiz.findMany({
    where: { kind: "ASSESSMENT" },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } },
  });
  if (quizzes.length === 0) throw new Error("No quizzes are in the database; sync content first.");
  for (const quiz of quizzes) {
    const latest = quiz.versions[0]!;
    await db.assignment.upsert({
      where: { id: demoAssignmentId(quiz.slug) },
      create: { id: demoAssignmentId(quiz.slug), classId: DEMO_CLASS_ID, quizId: quiz.id, quizVersionId: latest.id, mode: "PRACTICE", feedbackTiming: "IMMEDIATE" },
      update: {},
    });
  }
}

export function demoAssignmentId(quizSlug: string): string {
  return `demo-${quizSlug}`;
}
