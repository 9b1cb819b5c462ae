import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { startAttempt, submitAttempt } from "@/lib/attempt/mutations";
import { createTestDatabase, type TTestDatabase } from "@/lib/core/testing/test-database";
import { builtinGrader } from "@/lib/grading/builtin-grader";
import { runRound } from "@/lib/grading/run-round";
import { DEMO_ACCOUNTS, DEMO_COHORT_CLASS_ID, seedDemo } from "@/lib/roster/seed-demo";
import { findAllResponses, findAssignmentsWithQuestions, findGradebookCells } from "./export-data";
import { EXPORT_LABELS, gradebookCsv, responsesCsv, type TExportLabels } from "./exports";
import { analyseItems } from "./item-statistics";
import { computeOverview, itemAnalysisOf, overviewOf } from "./dashboards";
import { findStudents } from "./overview-data";
import { pickCountedAttempts } from "./pick-counted";
import { seedDemoCohort } from "./seed-demo-cohort";

// The dashboards' SQL against the demo cohort: real attempts made through the start and submit
// code, checked against the same figures computed in plain TypeScript from the rows themselves.

let t: TTestDatabase;
const CLASS = DEMO_COHORT_CLASS_ID as TAuthorizedClassId;
const labels = { ...Object.fromEntries(EXPORT_LABELS.map((k) => [k, k])), typeNames: { numeric: "數值" }, sourceNames: { AUTO: "自動批改" } } as unknown as TExportLabels;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await syncContent(t.db, await loadContent());
  await seedDemo(t.db);
  expect(await seedDemoCohort(t.db, { instructorEmail: DEMO_ACCOUNTS[0].email, students: 15 })).toBe(true);
});

/** Counted answers to an open question that were left empty: graded 0 at once, with no rubric round. */
async function unansweredOpen(assignmentId: string, questionId: string) {
  const counted = (await attemptsByAssignment()).filter((a) => a.assignment!.id === assignmentId);
  return t.db.response.count({ where: { questionId, attemptId: { in: counted.map((a) => a.id) }, rounds: { none: {} } } });
}

/** Every attempt of the class with its grades, straight from the tables. */
async function attemptsByAssignment() {
  const attempts = await t.db.attempt.findMany({
    where: { assignment: { classId: CLASS } },
    select: { id: true, number: true, status: true, score: true, userId: true, assignment: { select: { id: true, countedAttempt: true } }, responses: { select: { questionId: true, grade: { select: { score: true } } } } },
  });
  const counted = pickCountedAttempts(attempts);
  return attempts.filter((a) => counted.has(a.id));
}

describe("the demo cohort", () => {
  it("is created once, through the real submit path", async () => {
    expect(await seedDemoCohort(t.db, { instructorEmail: DEMO_ACCOUNTS[0].email })).toBe(false);
    const attempts = await t.db.attempt.count({ where: { assignment: { classId: CLASS }, status: "SUBMITTED" } });
    expect(attempts).toBeGreaterThan(30);
    expect(await t.db.grade.count({ where: { response: { attempt: { assignment: { classId: CLASS } } } } })).toBeGreaterThan(attempts * 5);
  });
});

describe("item analysis", () => {
  it("matches the statistics computed from the counted attempts read one by one", async () => {
    const counted = await attemptsByAssignment();
    const assignments = await findAssignmentsWithQuestions(CLASS);
    for (const assignment of assignments) {
      const questions = assignment.quizVersion.questions;
      const mine = counted.filter((a) => a.assignment!.id === assignment.id);
      const rows = mine.map((a) => questions.map((q) => a.responses.find((r) => r.questionId === q.id)?.grade?.score ?? null));
      const expected = analyseItems(rows, questions.map((q) => q.points));
      const analysis = (await itemAnalysisOf(CLASS, assignment.id))!;
      expect(analysis.summary.students).toBe(mine.length);
      // Row order differs (SQL groups by attempt), so compare the order-free figures.
      analysis.questions.forEach((q, j) => {
        const want = expected.items[j]!;
        expect(q.stats.n).toBe(want.n);
        for (const key of ["facility", "pointBiserial"] as const) {
          if (want[key] === null) expect(q.stats[key]).toBeNull();
          else expect(q.stats[key]).toBeCloseTo(want[key], 10);
        }
      });
      if (expected.reliability) expect(analysis.summary.reliability?.value).toBeCloseTo(expected.reliability.value, 10);
      else expect(analysis.summary.reliability).toBeNull();
    }
  });

  it("counts each option and each kind of number over the counted attempts", async () => {
    const assignment = (await findAssignmentsWithQuestions(CLASS))[0]!;
    const analysis = (await itemAnalysisOf(CLASS, assignment.id))!;
    for (const q of analysis.questions) {
      if (q.distractors.kind === "numeric" || q.distractors.kind === "answers") expect(q.distractors.total).toBe(analysis.summary.students);
      if (q.distractors.kind === "options" && !q.distractors.multiple) {
        expect(q.distractors.rows.reduce((sum, row) => sum + row.count, 0) + q.distractors.unanswered).toBe(analysis.summary.students);
      }
    }
    expect(analysis.questions.some((q) => q.distractors.kind === "numeric" && q.distractors.rows.some((row) => row.numericKind === "common_mistake"))).toBe(true);
  });

  it("counts rubric verdicts and mistaken ideas of the graded open answers, with examples", async () => {
    // The cohort's open answers were graded as it was made
    expect(await t.db.feedbackRound.count({ where: { purpose: "FINAL", status: { not: "DONE" }, response: { attempt: { assignment: { classId: CLASS } } } } })).toBe(0);
    let openQuestions = 0;
    for (const assignment of await findAssignmentsWithQuestions(CLASS)) {
      const analysis = (await itemAnalysisOf(CLASS, assignment.id))!;
      for (const q of analysis.questions.filter((question) => question.open)) {
        openQuestions++;
        const open = q.open!;
        expect(open.graded).toBe(q.stats.n - (await unansweredOpen(assignment.id, q.id)));
        for (const c of open.criteria) {
          expect(c.met + c.partly + c.missed).toBe(open.graded);
          expect(c.examples.length).toBe(Math.min(3, c.missed));
        }
      }
    }
    expect(openQuestions).toBeGreaterThan(0);
  });

  it("is nothing for an assignment of another class", async () => {
    const other = await t.db.assignment.findFirstOrThrow({ where: { classId: { not: CLASS } } });
    expect(await itemAnalysisOf(CLASS, other.id)).toBeNull();
  });
});

describe("class overview", () => {
  it("puts every counted attempt in one score band and every student in one section row", async () => {
    const overview = await overviewOf(CLASS);
    const counted = await attemptsByAssignment();
    const students = await findStudents(CLASS);
    for (const a of overview.assignments) {
      expect(a.histogram.reduce((sum, n) => sum + n, 0)).toBe(counted.filter((c) => c.assignment!.id === a.id).length);
      expect(a.completion.reduce((sum, c) => sum + c.students, 0)).toBe(students.length);
      expect(a.completion.reduce((sum, c) => sum + c.completed, 0)).toBe(a.students);
      // The cohort's open answers were all graded as it was made
      expect(a.pending).toBe(0);
    }
    expect(overview.participation.reduce((sum, day) => sum + day.attempts, 0)).toBe(await t.db.attempt.count({ where: { assignment: { classId: CLASS }, status: "SUBMITTED" } }));
    expect(overview.concepts.length).toBeGreaterThan(3);
    // Each student's mastery, recomputed from the grades: the latest graded answer to each question, averaged per concept
    const graded = await t.db.response.findMany({
      where: { grade: { isNot: null }, attempt: { status: "SUBMITTED", assignment: { classId: CLASS } } },
      select: { attempt: { select: { userId: true, submittedAt: true } }, question: { select: { questionUuid: true, points: true, definition: true } }, grade: { select: { score: true } } },
    });
    const latest = new Map<string, (typeof graded)[number]>();
    for (const r of graded) {
      const key = `${r.attempt.userId}:${r.question.questionUuid}`;
      if (!latest.has(key) || latest.get(key)!.attempt.submittedAt! < r.attempt.submittedAt!) latest.set(key, r);
    }
    const expected = new Map<string, number[]>();
    for (const r of latest.values()) {
      for (const concept of (r.question.definition as { concepts: string[] }).concepts) {
        const key = `${r.attempt.userId}:${concept}`;
        expected.set(key, [...(expected.get(key) ?? []), r.grade!.score / r.question.points]);
      }
    }
    let cells = 0;
    for (const row of overview.heatmap) {
      for (const [concept, value] of Object.entries(row.mastery)) {
        const ratios = expected.get(`${row.student.id}:${concept}`)!;
        expect(value).toBeCloseTo(ratios.reduce((sum, r) => sum + r, 0) / ratios.length, 10);
        cells++;
      }
    }
    expect(cells).toBe(expected.size);
  });
});

describe("answers still being graded", () => {
  it("are counted on the overview until their grading is done", async () => {
    const assignment = await t.db.assignment.findFirstOrThrow({ where: { classId: CLASS, mode: "PRACTICE", quizVersion: { questions: { some: { type: "OPEN" } } } } });
    const user = await t.db.user.create({ data: { email: "late-student@example.edu", name: "晚到的同學" } });
    await t.db.enrollment.create({ data: { classId: CLASS, userId: user.id, role: "STUDENT", section: "01" } });
    const open = await t.db.question.findFirstOrThrow({ where: { quizVersionId: assignment.quizVersionId, type: "OPEN" } });
    const { attemptId } = await startAttempt(t.db, { userId: user.id, assignment });
    const { roundIds } = await submitAttempt(t.db, { attemptId, userId: user.id, locale: "zh-TW", answers: [{ questionId: open.id, answer: { type: "open", text: "生成式 AI 會產生有結構的內容。" }, seq: 1 }] });
    expect(roundIds).toHaveLength(1);
    const before = (await computeOverview(CLASS)).assignments.find((a) => a.id === assignment.id)!;
    expect(before.pending).toBe(1);
    await runRound(t.db, roundIds[0]!, { grader: builtinGrader });
    const after = (await computeOverview(CLASS)).assignments.find((a) => a.id === assignment.id)!;
    expect(after.pending).toBe(0);
    expect(after.students).toBe(before.students);
  });
});

describe("exports", () => {
  it("gives the gradebook the counted score of each student and neutralises formulas in names", async () => {
    const someone = (await findStudents(CLASS))[0]!;
    await t.db.enrollment.update({ where: { classId_userId: { classId: CLASS, userId: someone.id } }, data: { rosterName: '=HYPERLINK("http://evil.example","x")' } });
    const [students, assignments, cells] = await Promise.all([findStudents(CLASS), findAssignmentsWithQuestions(CLASS), findGradebookCells(CLASS)]);
    const csv = gradebookCsv({ students, assignments, cells, labels, locale: "en" });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const counted = await attemptsByAssignment();
    const mine = counted.filter((a) => a.userId === someone.id);
    const line = csv.split("\n").find((l) => l.includes("HYPERLINK"))!;
    // Scores to two decimals (partial credit)
    for (const a of mine) expect(line).toContain(`,${Math.round(a.score! * 100) / 100}`);
    expect(csv.trim().split("\n")).toHaveLength(students.length + 1);
    // The last column counts answers still being graded: none here, the cohort's were graded as it was made
    expect(csv.split("\n")[0]!.trim().endsWith("pending")).toBe(true);
    expect(csv.trim().split("\n").slice(1).every((row) => row.trim().endsWith(",0"))).toBe(true);
  });

  it("writes one row per answer of every submitted attempt, options by their text", async () => {
    const [students, assignments, responses] = await Promise.all([findStudents(CLASS), findAssignmentsWithQuestions(CLASS), findAllResponses(CLASS)]);
    const expected = await t.db.response.count({ where: { attempt: { status: "SUBMITTED", assignment: { classId: CLASS } } } });
    expect(responses).toHaveLength(expected);
    const csv = responsesCsv({ students, assignments, responses, labels, locale: "zh-TW" });
    expect(csv).not.toContain('"optionId"');
    expect(csv).toContain("10^");
    // Types and ways of grading in the reader's words; each answer with its version's numbers
    expect(csv).toContain(",數值,");
    expect(csv).toContain(",自動批改,");
    expect(csv).toMatch(/,"?L=\d+/);
  });
});
