import { randomUUID as createId } from "node:crypto";
import { computeOverview, itemAnalysisOf } from "@/lib/analytics/dashboards";
import { findAnswerGroups, findOpenAnswerStats, findScoreRows } from "@/lib/analytics/item-analysis-data";
import { findAssignmentFigures, findCompletionBySection, findConceptMastery, findParticipation, findScoreBands } from "@/lib/analytics/overview-data";
import { simulateAnswer } from "@/lib/analytics/simulated-answers";
import { prepareQuestions } from "@/lib/attempt/prepare-questions";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { builtinEvents } from "@/lib/grading/builtin-grader";
import type { TCriterionEvent } from "@/lib/grading/schema";
import { gradeQuestion } from "@/lib/quiz/grade-question";
import type { TQuestion } from "@/lib/quiz/schema";
import { seededRandom } from "@/lib/quiz/variants";
import { measure, ms, startBenchDatabase } from "./harness";

// `npm run bench:dashboard [-- --students N --attempts A --repeat R]`: seeds a class of N students
// (default 1,000) who each made A attempts (default 3) at a 30-question quiz, made of the lecture's
// questions with plausible answers graded by the real graders (90,000 responses), then times the
// server work of the class overview and the item analysis (their reads and the statistics) and
// counts their queries. Page rendering is not included. --breakdown also times each read on its own.

const arg = (name: string, fallback: number) => Number(process.argv.find((_, i, all) => all[i - 1] === `--${name}`) ?? fallback);
const STUDENTS = arg("students", 1000);
const ATTEMPTS = arg("attempts", 3);
const REPEAT = arg("repeat", 20);
const QUESTIONS = 30;
const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 5000;

const bench = await startBenchDatabase("dashboard");
try {
  const { db } = bench;
  const seedStarted = performance.now();
  await syncContent(db, await loadContent());
  // A 30-question quiz version made of the lecture's assessment questions
  const source = await db.question.findMany({
    where: { quizVersion: { quiz: { kind: "ASSESSMENT" } } },
    orderBy: [{ quizVersion: { quiz: { slug: "asc" } } }, { position: "asc" }],
    select: { type: true, points: true, definition: true, questionUuid: true },
  });
  if (source.length < QUESTIONS) throw new Error(`Only ${source.length} questions in the content; the benchmark needs ${QUESTIONS}.`);
  const quiz = await db.quiz.findFirstOrThrow({ where: { kind: "ASSESSMENT" }, orderBy: { slug: "asc" } });
  const version = await db.quizVersion.create({
    data: {
      quizId: quiz.id,
      version: 1000,
      contentHash: "bench",
      title: { "zh-TW": "基準測試用 30 題", en: "Benchmark quiz of 30 questions" },
      questions: { create: source.slice(0, QUESTIONS).map((q, position) => ({ position, type: q.type, points: q.points, definition: q.definition as object, questionUuid: q.questionUuid })) },
    },
    select: { id: true, questions: { orderBy: { position: "asc" }, select: { id: true, definition: true } } },
  });
  const klass = await db.class.create({ data: { name: "Bench class", sections: ["01", "02", "03", "04"] }, select: { id: true } });
  const classId = klass.id as TAuthorizedClassId;
  const assignment = await db.assignment.create({ data: { classId, quizId: quiz.id, quizVersionId: version.id, mode: "PRACTICE", countedAttempt: "BEST" } });
  const userIds = Array.from({ length: STUDENTS }, (_, i) => `bench-student-${i}`);
  await db.user.createMany({ data: userIds.map((id, i) => ({ id, email: `s${i}@bench.example`, name: `Student ${i}` })) });
  await db.enrollment.createMany({ data: userIds.map((userId, i) => ({ classId, userId, role: "STUDENT" as const, rosterName: `學生 ${i}`, section: `0${(i % 4) + 1}` })) });

  const random = seededRandom("bench-dashboard");
  const now = Date.now();
  let attempts: object[] = [];
  let responses: object[] = [];
  let grades: object[] = [];
  let rounds: object[] = [];
  let total = 0;
  const flush = async (force = false) => {
    if (!force && responses.length < CHUNK) return;
    await db.attempt.createMany({ data: attempts as never });
    await db.response.createMany({ data: responses as never });
    await db.grade.createMany({ data: grades as never });
    await db.feedbackRound.createMany({ data: rounds as never });
    total += responses.length;
    attempts = [];
    responses = [];
    grades = [];
    rounds = [];
  };
  for (const [s, userId] of userIds.entries()) {
    const skill = (random() + random() + random() - 1.5) * 1.6;
    for (let n = 1; n <= ATTEMPTS; n++) {
      const attemptId = createId();
      const startedAt = new Date(now - random() * 14 * DAY);
      let score = 0;
      let maxScore = 0;
      const itemScores: number[] = [];
      for (const prepared of prepareQuestions(version.questions, { userId, number: n, variantSalt: null })) {
        const answer = simulateAnswer(prepared.question, skill + n * 0.2, random);
        const responseId = createId();
        const question = prepared.question as TQuestion;
        responses.push({ id: responseId, attemptId, questionId: prepared.id, answer: answer ?? { type: "unanswered" }, variant: Object.keys(prepared.variant).length ? prepared.variant : undefined, seq: 1 });
        let result = gradeQuestion(question, answer ?? undefined);
        if (result.outcome === "awaiting_grading" && question.type === "open" && answer?.type === "open") {
          const events = [...builtinEvents({ question, answer: answer.text, history: [], locale: "zh-TW" })];
          const verdicts = events.filter((e): e is TCriterionEvent => e.type === "criterion");
          const scored = events.find((e) => e.type === "score")!;
          const points = scored.type === "score" ? scored.score : 0;
          rounds.push({ responseId, round: 1, purpose: "FINAL", answer: answer.text, locale: "zh-TW", status: "DONE", grader: "builtin", score: points, maxScore: question.points, verdicts, misconceptions: events.flatMap((e) => (e.type === "misconception" ? [e.misconceptionId] : [])), finishedAt: startedAt });
          result = { ...result, score: points, outcome: "partial" };
          grades.push({ responseId, score: points, maxScore: question.points, source: "BUILTIN_RUBRIC", feedback: {} });
        } else {
          grades.push({ responseId, score: result.score, maxScore: result.maxScore, source: "AUTO", feedback: {} });
        }
        score += result.score;
        maxScore += result.maxScore;
        itemScores.push(result.score);
      }
      attempts.push({ id: attemptId, userId, quizVersionId: version.id, assignmentId: assignment.id, number: n, status: "SUBMITTED", startedAt, submittedAt: new Date(startedAt.getTime() + (5 + random() * 25) * 60_000), score, maxScore, itemScores });
    }
    await flush();
    if ((s + 1) % 200 === 0) process.stdout.write(`  seeded ${s + 1} students\r`);
  }
  await flush(true);
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`Seeded ${STUDENTS} students × ${QUESTIONS} questions × ${ATTEMPTS} attempts = ${total} responses in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  console.log(`${REPEAT} timed runs per case (3 warm-up); server work only: reads + statistics, no rendering`);
  console.log(["case".padEnd(34), "p50".padStart(10), "p95".padStart(10), "max".padStart(10), "queries"].join(" "));
  const cases: Array<[string, () => Promise<unknown>]> = [
    ["class overview (uncached)", () => computeOverview(classId)],
    ["item analysis", () => itemAnalysisOf(classId, assignment.id)],
  ];
  // Each read of the item analysis on its own: where the time goes
  if (process.argv.includes("--breakdown")) {
    cases.push(
      ["  · score rows", () => findScoreRows(classId, assignment.id)],
      ["  · answer groups", () => findAnswerGroups(classId, assignment.id)],
      ["  · open-answer verdicts", () => findOpenAnswerStats(classId, assignment.id)],
      ["  · overview: participation", () => findParticipation(classId)],
      ["  · overview: score bands", () => findScoreBands(classId)],
      ["  · overview: figures", () => findAssignmentFigures(classId)],
      ["  · overview: completion", () => findCompletionBySection(classId)],
      ["  · overview: concept mastery", () => findConceptMastery(classId)],
    );
  }
  for (const [label, run] of cases) {
    const result = await measure(bench, run, { repeat: REPEAT });
    console.log([label.padEnd(34), ms(result.p50).padStart(10), ms(result.p95).padStart(10), ms(result.max).padStart(10), String(result.queriesPerRun).padStart(7)].join(" "));
  }
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
} finally {
  await bench.stop();
}
