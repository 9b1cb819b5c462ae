import "server-only";
import { cache } from "react";
import { z } from "zod";
import { requireClassRoleOrNotFound } from "@/lib/core/session";
import type { TLocalizedText, TOpen } from "@/lib/quiz/schema";

import { agreement } from "./agreement";
import { groupSimilar } from "./group-similar";
import { findClassName, findGradeAudits, findGradedAnswers, findReviewedPairs, matchesFilter, REVIEW_FILTERS } from "./data";
import type { TCriterionEvent } from "./schema";

const PAGE = 50;
const GROUPS = 20;
/** As many as one batch accepts (ZReviewGroupInput) */
const GROUP_SIZE = 200;

/** The grading review of a class, for its instructors and TAs: machine grades to accept or replace. */
export const loadGradingReview = cache(async (classId: string, searchParams: Record<string, string | string[] | undefined>) => {
  const { classId: id } = await requireClassRoleOrNotFound(classId, ["INSTRUCTOR", "TA"], `/classes/${classId}/grading`);
  const raw = searchParams.filter;
  const filter = z.enum(REVIEW_FILTERS).catch("unreviewed").parse(Array.isArray(raw) ? raw[0] : raw);
  const view = searchParams.view === "similar" ? ("similar" as const) : ("list" as const);
  const [className, graded, pairs] = await Promise.all([findClassName(id), findGradedAnswers(id), findReviewedPairs(id)]);
  const counts = Object.fromEntries(REVIEW_FILTERS.map((f) => [f, graded.filter((entry) => matchesFilter(entry, f)).length])) as Record<(typeof REVIEW_FILTERS)[number], number>;
  const matching = graded.filter((entry) => matchesFilter(entry, filter));
  // Alike answers with a grade to accept, two or more to a group
  const groups = groupSimilar(
    matching
      // Only machine grades nobody has decided on: a batch accept must not cover a person's decision
      .filter((entry) => entry.status === "DONE" && entry.response.grade && entry.response.grade.source !== "HUMAN" && !entry.response.grade.reviewedAt)
      .map((entry) => ({ ...entry, questionUuid: (entry.response.question.definition as TOpen).uuid, criteria: (entry.verdicts ?? []) as TCriterionEvent[] })),
  ).filter((group) => group.entries.length > 1);
  const shown = view === "similar" ? groups.slice(0, GROUPS).flatMap((group) => group.entries.slice(0, GROUP_SIZE)) : matching.slice(0, PAGE);
  const audits = await findGradeAudits(id, shown.map((entry) => entry.responseId));
  return {
    classId: id,
    className,
    filter,
    view,
    counts,
    similarGroups: groups.length,
    groups: view === "similar" ? groups.slice(0, GROUPS).map((group) => group.entries.slice(0, GROUP_SIZE).map((entry) => entry.responseId)) : [],
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
