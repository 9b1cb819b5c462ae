import "server-only";
import { loadConcepts } from "@/lib/content/cached-content";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { buildItemAnalysis } from "./item-analysis";
import { findAnalysedAssignment, findAnswerGroups, findOpenAnswerStats, findScoreRows } from "./item-analysis-data";
import { buildOverview, type TOverview } from "./overview";
import { findAssignmentFigures, findCompletionBySection, findConceptMastery, findOverviewAssignments, findParticipation, findScoreBands, findStudents } from "./overview-data";

// The dashboards' figures for a class whose access was already checked (see loaders.ts).

// While a quiz runs, every open overview refreshes itself; the figures are shared by all viewers of
// a class for a few seconds so that a room of TAs does not multiply the queries.
const OVERVIEW_TTL_MS = 10_000;
const overviewCache = new Map<string, { at: number; value: Promise<TOverview> }>();

export async function computeOverview(classId: TAuthorizedClassId): Promise<TOverview> {
  const now = new Date();
  const [assignments, participation, bands, figures, completion, mastery, students, concepts] = await Promise.all([
    findOverviewAssignments(classId, now),
    findParticipation(classId),
    findScoreBands(classId),
    findAssignmentFigures(classId),
    findCompletionBySection(classId),
    findConceptMastery(classId),
    findStudents(classId),
    loadConcepts(),
  ]);
  return buildOverview({ now, assignments, participation, bands, figures, completion, mastery, students, concepts });
}

export function overviewOf(classId: TAuthorizedClassId, now = Date.now()): Promise<TOverview> {
  const hit = overviewCache.get(classId);
  if (hit && now - hit.at < OVERVIEW_TTL_MS) return hit.value;
  const value = computeOverview(classId);
  for (const [key, entry] of overviewCache) if (now - entry.at >= OVERVIEW_TTL_MS) overviewCache.delete(key);
  overviewCache.set(classId, { at: now, value });
  value.catch(() => overviewCache.delete(classId));
  return value;
}

export async function itemAnalysisOf(classId: TAuthorizedClassId, assignmentId: string) {
  const assignment = await findAnalysedAssignment(classId, assignmentId);
  if (!assignment) return null;
  const [scoreRows, answerGroups, open] = await Promise.all([findScoreRows(classId, assignmentId), findAnswerGroups(classId, assignmentId), findOpenAnswerStats(classId, assignmentId)]);
  return { assignment, ...buildItemAnalysis({ questions: assignment.quizVersion.questions, scoreRows, answerGroups, open }) };
}

