"use server";

import { z } from "zod";
import { ZId } from "@/lib/core/text";
import { db } from "@/lib/core/db";
import { answerFits } from "@/lib/quiz/answer-fits";
import { gradeQuestion, type TGradeResult } from "@/lib/quiz/grade-question";
import { ZAnswer, type TQuestion } from "@/lib/quiz/schema";
import { drawVariant, instantiate } from "@/lib/quiz/variants";

const ZCheckInput = z.object({ questionId: ZId, answer: ZAnswer });

/**
 * Grades a "check yourself" question in the lecture notes and returns the feedback at once.
 * Anyone reading the notes may use it; nothing is stored, and only questions of a
 * check-yourself quiz can be asked about, so no assessment key is ever revealed.
 */
export async function checkYourselfAction(input: unknown): Promise<{ ok: true; result: TGradeResult } | { ok: false; code: "INVALID_INPUT" | "NOT_FOUND" }> {
  const parsed = ZCheckInput.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT" };
  const row = await db.question.findFirst({
    where: { id: parsed.data.questionId, quizVersion: { quiz: { kind: "CHECK_YOURSELF" } } },
    select: { id: true, definition: true },
  });
  if (!row) return { ok: false, code: "NOT_FOUND" };
  const question = row.definition as TQuestion;
  if (!answerFits(question, parsed.data.answer)) return { ok: false, code: "INVALID_INPUT" };
  const instance = instantiate(question, drawVariant(question, `check:${row.id}`));
  return { ok: true, result: gradeQuestion(instance, parsed.data.answer) };
}
