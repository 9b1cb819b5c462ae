import { createHash } from "node:crypto";
import type { TDb } from "@/lib/core/db";
import type { TContent, TLoadedQuiz } from "./load-content";

const TYPE_TO_DB = {
  single_choice: "SINGLE_CHOICE",
  multiple_select: "MULTIPLE_SELECT",
  categorize: "CATEGORIZE",
  ordering: "ORDERING",
  numeric: "NUMERIC",
  short_text: "SHORT_TEXT",
  next_token: "NEXT_TOKEN",
  open: "OPEN",
} as const;

/** Stable JSON: keys sorted, so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function quizContentHash(quiz: TLoadedQuiz["data"]): string {
  return createHash("sha256").update(canonicalJson(quiz)).digest("hex");
}

export type TSyncReport = { lectures: number; quizzes: number; newVersions: { slug: string; version: number }[] };

// Writes lectures and quizzes to the database. Quiz versions are immutable and keyed by
// content hash: unchanged content writes nothing; any edit makes the next version, and
// attempts keep pointing at the version they were taken on.
export async function syncContent(db: TDb, content: TContent): Promise<TSyncReport> {
  const report: TSyncReport = { lectures: 0, quizzes: 0, newVersions: [] };
  for (const lecture of content.lectures) {
    const fields = { slug: lecture.slug, number: lecture.data.number, title: lecture.data.title };
    await db.lecture.upsert({ where: { id: lecture.data.uuid }, create: { id: lecture.data.uuid, ...fields }, update: fields });
    report.lectures++;
  }
  for (const quiz of content.quizzes) {
    const fields = { slug: quiz.slug, lectureId: quiz.data.lecture, title: quiz.data.title, kind: quiz.data.kind === "check_yourself" ? ("CHECK_YOURSELF" as const) : ("ASSESSMENT" as const) };
    await db.quiz.upsert({ where: { id: quiz.data.uuid }, create: { id: quiz.data.uuid, ...fields }, update: fields });
    report.quizzes++;
    const contentHash = quizContentHash(quiz.data);
    const version = await db.$transaction(async (tx) => {
      const existing = await tx.quizVersion.findUnique({ where: { quizId_contentHash: { quizId: quiz.data.uuid, contentHash } } });
      if (existing) return null;
      const latest = await tx.quizVersion.findFirst({ where: { quizId: quiz.data.uuid }, orderBy: { version: "desc" } });
      const next = (latest?.version ?? 0) + 1;
      await tx.quizVersion.create({
        data: {
          quizId: quiz.data.uuid,
          version: next,
          contentHash,
          title: quiz.data.title,
          questions: {
            create: quiz.data.questions.map((question, position) => ({
              questionUuid: question.uuid,
              position,
              type: TYPE_TO_DB[question.type],
              points: question.points,
              definition: question,
            })),
          },
        },
      });
      return next;
    });
    if (version !== null) report.newVersions.push({ slug: quiz.slug, version });
  }
  return report;
}
