import { hashPassword } from "@/lib/auth/password";
import type { TDb } from "@/lib/core/db";

export const DEMO_PASSWORD = "jielong-demo";
export const DEMO_CLASS_ID = "demo-genai-2024";
export const DEMO_ACCOUNTS = [
  { email: "instructor@example.com", name: "李老師 (demo instructor)", role: "INSTRUCTOR" },
  { email: "student1@example.com", name: "王小明", role: "STUDENT" },
  { email: "student2@example.com", name: "陳美玲", role: "STUDENT" },
  { email: "student3@example.com", name: "Alex Lin", role: "STUDENT" },
] as const;
const STARTER_QUIZ_SLUG = "01-starter";

// Demo accounts, the demo class and its starter-quiz assignment. Safe to run again: it
// only creates what is missing and never touches anyone's attempts.
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
      create: { email: account.email, name: account.name, passwordHash },
      update: {},
    });
    await db.enrollment.upsert({
      where: { classId_userId: { classId: DEMO_CLASS_ID, userId: user.id } },
      create: { classId: DEMO_CLASS_ID, userId: user.id, role: account.role },
      update: {},
    });
  }
  const quiz = await db.quiz.findUnique({
    where: { slug: STARTER_QUIZ_SLUG },
    select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true } } },
  });
  const latest = quiz?.versions[0];
  if (!quiz || !latest) throw new Error(`The starter quiz "${STARTER_QUIZ_SLUG}" is not in the database; sync content first.`);
  await db.assignment.upsert({
    where: { id: "demo-starter" },
    create: { id: "demo-starter", classId: DEMO_CLASS_ID, quizId: quiz.id, quizVersionId: latest.id, mode: "PRACTICE" },
    update: {},
  });
}
