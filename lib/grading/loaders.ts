import "server-only";
import { cache } from "react";
import { z } from "zod";
import { requireClassRoleOrNotFound } from "@/lib/core/session";
import type { TLocalizedText, TOpen } from "@/lib/quiz/schema";

import { agreement } from "./agreement";
import { findClassName, findGradeAudits, findGradedAnswers, findReviewedPairs, matchesFilter, REVIEW_FILTERS } from "./data";
import type { TCriterionEvent } from "./schema";

const PAGE = 50;

/** The grading review of a class, for its instructors and TAs: machine grades to accept or replace. */
export const loadGradingReview = cache(async (classId: string, searchParams: Record<string, string | string[] | undefined>) => {
  const { classId: id } = await requireClassRoleOrNotFound(classId, ["INSTRUCTOR", "TA"], `/classes/${classId}/grading`);
  const raw = searchParams.filter;
  const filter = z.enum(REVIEW_FILTERS).catch("unreviewed").parse(Array.isArray(raw) ? raw[0] : raw);
  const [className, graded, pairs] = await Promise.all([findClassName(id), findGradedAnswers(id), findReviewedPairs(id)]);
  const counts = Object.fromEntries(REVIEW_FILTERS.map((f) => [f, graded.filter((entry) => matchesFilter(entry, f)).length])) as Record<(typeof REVIEW_FILTERS)[number], number>;
  const shown = graded.filter((entry) => matchesFilter(entry, filter)).slice(0, PAGE);
  const audits = await findGradeAudits(id, shown.map((entry) => entry.responseId));
  return {
    classId: id,
    className,
    filter,
    counts,
    agreement: agreement(pairs),
    entries: shown.map((entry) => {
      const question = entry.response.question.definition as TOpen;
      return {
        responseId: entry.responseId,
        attemptId: entry.response.attempt.id,
        student: entry.response.attempt.user.name ?? entry.response.attempt.user.email,
        quizTitle: entry.response.attempt.quizVersion.title as TLocalizedText,
        prompt: question.prompt,
        answer: entry.answer,
        grader: entry.grader,
        fallback: entry.fallback,
        flagged: entry.flagged,
        failed: entry.status === "FAILED",
        machineScore: entry.score,
        maxScore: entry.maxScore,
        confidence: entry.confidence,
        builtinScore: entry.builtinScore,
        feedback: entry.feedback,
        criteria: (entry.verdicts ?? []) as TCriterionEvent[],
        grade: entry.response.grade,
        audits: audits.filter((audit) => audit.responseId === entry.responseId),
      };
    }),
  };
});

export type TGradingReview = Awaited<ReturnType<typeof loadGradingReview>>;
