import "server-only";
import { cache } from "react";
import { findAssignableQuizzes } from "@/lib/attempt/assignments";
import { db } from "@/lib/core/db";
import { getLocale, getTranslations } from "next-intl/server";
import { requireClassRole, requireClassRoleOrNotFound } from "@/lib/core/session";
import { findClassName } from "@/lib/grading/data";
import { QUESTION_TYPES } from "@/lib/quiz/schema";
import { findClassAttempts, findStudentRecord } from "./data";
import { findAllResponses, findAssignmentsWithQuestions, findGradebookCells } from "./export-data";
import { EXPORT_LABELS, gradebookCsv, responsesCsv, type TExportLabels } from "./exports";
import { itemAnalysisOf, overviewOf } from "./dashboards";
import { findStudents } from "./overview-data";
import { pickCountedAttempts } from "./pick-counted";
import { summariseClass } from "./summarise-class";

const STAFF = ["INSTRUCTOR", "TA"] as const;

export const loadClassAttempts = cache(async (classId: string) => {
  const { classId: authorized, role } = await requireClassRoleOrNotFound(classId, STAFF, `/classes/${classId}`);
  const [{ klass, students }, quizzes] = await Promise.all([findClassAttempts(authorized), role === "INSTRUCTOR" ? findAssignableQuizzes(db) : Promise.resolve([])]);
  return { klass, canAssign: role === "INSTRUCTOR", quizzes, ...summariseClass(klass.assignments, students) };
});

export const loadClassOverview = cache(async (classId: string) => {
  const { classId: authorized } = await requireClassRoleOrNotFound(classId, STAFF, `/classes/${classId}/overview`);
  const [overview, name] = await Promise.all([overviewOf(authorized), findClassName(authorized)]);
  return { klass: { id: authorized, name }, ...overview };
});

export const loadItemAnalysis = cache(async (classId: string, assignmentId: string) => {
  const { classId: authorized } = await requireClassRoleOrNotFound(classId, STAFF, `/classes/${classId}/analysis/${assignmentId}`);
  const [analysis, name] = await Promise.all([itemAnalysisOf(authorized, assignmentId), findClassName(authorized)]);
  return analysis ? { klass: { id: authorized, name }, ...analysis } : null;
});

export const loadStudentRecord = cache(async (classId: string, userId: string) => {
  const { classId: authorized } = await requireClassRoleOrNotFound(classId, STAFF, `/classes/${classId}/students/${userId}`);
  const [record, name] = await Promise.all([findStudentRecord(authorized, userId), findClassName(authorized)]);
  const klass = { id: authorized, name };
  // Which attempt counts, by each assignment's rule, as in the gradebook
  return record ? { klass, ...record, counted: pickCountedAttempts(record.attempts) } : null;
});

async function exportLabels(): Promise<TExportLabels> {
  const t = await getTranslations("analytics");
  const names = (prefix: "type" | "source", keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, t(`${prefix}_${key}` as "type_open")]));
  return {
    ...(Object.fromEntries(EXPORT_LABELS.map((key) => [key, t(`label_${key}`)])) as Record<(typeof EXPORT_LABELS)[number], string>),
    typeNames: names("type", QUESTION_TYPES),
    sourceNames: names("source", ["AUTO", "BUILTIN_RUBRIC", "LLM_RUBRIC", "HUMAN"]),
  };
}

/** The gradebook CSV for the class's instructors and TAs; throws NOT_FOUND or FORBIDDEN for anyone else. */
export async function loadGradebookExport(classId: string) {
  const { classId: authorized } = await requireClassRole(classId, STAFF, `/classes/${classId}/overview`);
  const [students, assignments, cells, labels, locale, t] = await Promise.all([findStudents(authorized), findAssignmentsWithQuestions(authorized), findGradebookCells(authorized), exportLabels(), getLocale(), getTranslations("analytics")]);
  return { csv: gradebookCsv({ students, assignments, cells, labels, locale }), fileName: { ascii: `gradebook-${authorized}`, local: t("gradebookFile") } };
}

/** Every answer of every submitted attempt in the class as CSV, for its instructors and TAs. */
export async function loadResponsesExport(classId: string) {
  const { classId: authorized } = await requireClassRole(classId, STAFF, `/classes/${classId}/overview`);
  const [students, assignments, responses, labels, locale, t] = await Promise.all([findStudents(authorized), findAssignmentsWithQuestions(authorized), findAllResponses(authorized), exportLabels(), getLocale(), getTranslations("analytics")]);
  return { csv: responsesCsv({ students, assignments, responses, labels, locale }), fileName: { ascii: `responses-${authorized}`, local: t("responsesFile") } };
}
