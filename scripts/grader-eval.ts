import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { evaluate, type TEvalReport } from "@/lib/grading/eval-metrics";
import { foldLabel, parseCriterionLabelled, parseEvalRecords } from "@/lib/grading/eval-records";
import { createOpenAIGrader } from "@/lib/grading/openai-grader";
import { loadContent } from "@/lib/content/load-content";
import { classifyByOverlap, classifyByReference, classifyByRubric, type TLabel } from "@/lib/grading/reference-grader";
import type { TOpen } from "@/lib/quiz/schema";

import { evaluatePoints, printPoints, type TPointsGrader } from "./grader-eval-points";

// npm run grader:eval -- --input FILE.jsonl [--grader builtin|rubric|openai|overlap] [--labels 2way|3way] [--json]
// On a set labelled per rubric criterion (records with "criteria"): --grader lexical|semantic|all.
// Grades each student answer from its question and reference answers alone and prints how the
// grader's labels compare with the human ones. "rubric" is the built-in grader on the authored
// rubric of the record's question_uuid in content/ (the product's own path). "overlap" is the word-overlap baseline, given the
// threshold that suits it best on this very file (an optimistic baseline).

const { values } = parseArgs({
  options: {
    input: { type: "string" },
    grader: { type: "string" },
    labels: { type: "string", default: "3way" },
    json: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`grader:eval: ${message}`);
  process.exit(2);
}

if (!values.input) fail("--input FILE.jsonl is required");

const text = await readFile(values.input, "utf8").catch(() => fail(`cannot read ${values.input}`));
if (/"criteria"\s*:\s*\{/u.test(text.split("\n")[0] ?? "")) {
  const which = values.grader ?? "all";
  if (!["lexical", "semantic", "all"].includes(which)) fail(`on a set labelled per criterion, --grader must be lexical, semantic or all, not "${which}"`);
  try {
    const records = parseCriterionLabelled(text, values.input);
    const graders: TPointsGrader[] = which === "all" ? ["lexical", "semantic"] : [which as TPointsGrader];
    const results = await evaluatePoints(records, graders);
    if (values.json) console.log(JSON.stringify(results.map(({ grader, report }) => ({ grader, report })), null, 2));
    else printPoints(values.input, results);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  process.exit(0);
}
const scheme = values.labels;
if (scheme !== "2way" && scheme !== "3way") fail(`--labels must be 2way or 3way, not "${scheme}"`);
const grader = values.grader ?? "builtin";
if (grader !== "builtin" && grader !== "rubric" && grader !== "openai" && grader !== "overlap") fail(`--grader must be builtin, rubric, openai or overlap, not "${grader}"`);
if (grader === "openai" && !(process.env.LLM_BASE_URL && process.env.LLM_MODEL)) fail("--grader openai needs LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY if the server wants one)");

let records;
try {
  records = parseEvalRecords(text, values.input);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const labels = scheme === "2way" ? ["correct", "incorrect"] : ["correct", "contradictory", "incorrect"];
const started = performance.now();
let predictions: { id: string; lang?: string; expected: string; predicted: string }[];
let note = "";
if (grader === "openai") {
  // The record has no rubric: one criterion, "states the reference's main points", whose key ideas are the references
  const model = createOpenAIGrader({ baseURL: process.env.LLM_BASE_URL!, model: process.env.LLM_MODEL!, apiKey: process.env.LLM_API_KEY, timeoutMs: Number(process.env.LLM_TIMEOUT_MS) || 60_000 });
  let fallbacks = 0;
  predictions = [];
  for (const r of records) {
    const both = (text: string) => ({ "zh-TW": text, en: text });
    const question = {
      type: "open",
      uuid: "00000000-0000-4000-8000-000000000000",
      points: 1,
      prompt: both(r.question),
      referenceAnswer: both(r.reference_answers[0]!),
      rubric: {
        criteria: [{ id: "main-points", points: 1, description: both("States the main points of the reference answer, without contradicting it."), keyIdeas: [{ id: "reference", phrasings: { "zh-TW": r.reference_answers, en: r.reference_answers } }] }],
        misconceptions: [],
      },
    } as unknown as TOpen;
    let label: TLabel = "incorrect";
    for await (const event of model.grade({ question, answer: r.student_answer, history: [], locale: r.lang ?? "en" })) {
      if (event.type === "notice" && event.code === "LLM_FALLBACK") fallbacks += 1;
      if (event.type === "criterion") label = event.contradicted ? "contradictory" : event.verdict === "met" ? "correct" : "incorrect";
    }
    predictions.push({ id: r.id, lang: r.lang, expected: foldLabel(r.label, scheme), predicted: foldLabel(label, scheme) });
  }
  note = ` (${process.env.LLM_MODEL} at ${process.env.LLM_BASE_URL}; ${fallbacks} answer(s) fell back to the built-in grader)`;
} else if (grader === "rubric") {
  const questions = new Map((await loadContent()).quizzes.flatMap((quiz) => quiz.data.questions).map((q) => [q.uuid, q]));
  predictions = records.map((r) => {
    const question = questions.get(r.question_uuid ?? "");
    if (question?.type !== "open") fail(`${r.id}: --grader rubric needs a question_uuid of an open question in content/`);
    return { id: r.id, lang: r.lang, expected: foldLabel(r.label, scheme), predicted: foldLabel(classifyByRubric(question, r.student_answer).label, scheme) };
  });
  note = " (the authored rubrics in content/)";
} else if (grader === "builtin") {
  predictions = records.map((r) => ({
    id: r.id,
    lang: r.lang,
    expected: foldLabel(r.label, scheme),
    predicted: foldLabel(classifyByReference({ question: r.question, references: r.reference_answers, answer: r.student_answer }).label, scheme),
  }));
} else {
  let best: { threshold: number; predictions: typeof predictions; macro: number } | null = null;
  for (let threshold = 0.05; threshold <= 0.95; threshold += 0.05) {
    const candidate = records.map((r) => ({
      id: r.id,
      lang: r.lang,
      expected: foldLabel(r.label, scheme),
      predicted: classifyByOverlap({ references: r.reference_answers, answer: r.student_answer }, threshold).label,
    }));
    const macro = evaluate(labels, candidate).macroF1;
    if (!best || macro > best.macro) best = { threshold, predictions: candidate, macro };
  }
  predictions = best!.predictions;
  note = ` (threshold ${best!.threshold.toFixed(2)}, the best on this file)`;
}
const msPerAnswer = (performance.now() - started) / records.length / (grader === "overlap" ? 19 : 1);

const report = evaluate(labels, predictions);
const byLang = ["zh-TW", "en"].map((lang) => ({ lang, report: evaluate(labels, predictions.filter((p) => p.lang === lang)) })).filter((x) => x.report.total > 0);

if (values.json) {
  console.log(JSON.stringify({ grader, scheme, msPerAnswer, report, byLang, errors: predictions.filter((p) => p.expected !== p.predicted) }, null, 2));
  process.exit(0);
}

const pct = (x: number) => x.toFixed(3);
function print(title: string, r: TEvalReport) {
  console.log(`\n${title}: ${r.total} answers`);
  console.log(`accuracy ${pct(r.accuracy)}   macro-F1 ${pct(r.macroF1)}   weighted-F1 ${pct(r.weightedF1)}`);
  console.log(`${"class".padEnd(15)}${"precision".padStart(10)}${"recall".padStart(10)}${"F1".padStart(10)}${"n".padStart(6)}`);
  for (const c of r.perClass) console.log(`${c.label.padEnd(15)}${pct(c.precision).padStart(10)}${pct(c.recall).padStart(10)}${pct(c.f1).padStart(10)}${String(c.support).padStart(6)}`);
  console.log(`confusion (rows: label, columns: grader)`);
  console.log(`${"".padEnd(15)}${r.labels.map((l) => l.slice(0, 13).padStart(14)).join("")}`);
  r.labels.forEach((l, i) => console.log(`${l.padEnd(15)}${r.confusion[i]!.map((n) => String(n).padStart(14)).join("")}`));
}
console.log(`grader: ${grader}${note}; labels: ${scheme}; file: ${values.input}`);
print("all", report);
for (const { lang, report: r } of byLang) print(lang, r);
console.log(`\n${msPerAnswer.toFixed(2)} ms per answer`);
