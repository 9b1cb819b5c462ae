import { readFile } from "node:fs/promises";

import { loadContent } from "@/lib/content/load-content";
import { parseCriterionLabelled } from "@/lib/grading/eval-records";
import { createFeedbackWriter, primeFeedbackWriter } from "@/lib/grading/feedback-writer";
import { createSemanticGrader } from "@/lib/grading/semantic-grader";
import { contrastFor, judgeSemantic } from "@/lib/grading/semantic-verdicts";
import { chatModel } from "@/lib/models/chat";
import { embedder } from "@/lib/models/embed";
import type { TOpen } from "@/lib/quiz/schema";

import { ms, summarise } from "./harness";

// `npm run bench:models [-- --answers N --students M --in-flight K]`: the installed models on these
// two cores. (1) Semantic verdicts for one answer at a time, over the independent labelled set.
// (2) Time to the first token of model-written feedback with one student, the model loaded and its
// instructions read ahead (as the app's worker does at start), each student answering the next
// question. (3) K gradings with feedback in flight at once: first-token times and answers per minute.
// (4) The process's resident memory with both models loaded.

const arg = (name: string, fallback: number) => Number(process.argv.find((_, i, all) => all[i - 1] === `--${name}`) ?? fallback);
const answersN = arg("answers", 252);
const students = arg("students", 12);
const inFlight = arg("in-flight", 50);

const embeddings = embedder();
const chat = chatModel();
if (!embeddings || !chat) {
  console.error("bench:models: the models are not installed. Run npm run models:install first.");
  process.exit(2);
}
const rss = () => process.memoryUsage().rss / 2 ** 20;
const all = (await loadContent()).quizzes.flatMap((q) => q.data.questions);
const questions = new Map(all.filter((q): q is TOpen => q.type === "open").map((q) => [q.uuid, q]));
const file = "content/grading-eval/independent-lecture-01.jsonl";
const records = parseCriterionLabelled(await readFile(file, "utf8"), file).slice(0, answersN);
const line = (label: string, samples: number[]) => {
  const s = summarise(samples);
  console.log(`${label.padEnd(44)} p50 ${ms(s.p50).padStart(10)}   p95 ${ms(s.p95).padStart(10)}   max ${ms(s.max).padStart(10)}   n ${s.n}`);
};

// (1) verdicts, warm: each question's rubric and exemplars embedded once first
for (const q of questions.values()) await judgeSemantic(embeddings, q, q.referenceAnswer.en, contrastFor(q, all));
const verdictTimes: number[] = [];
for (const r of records) {
  const q = questions.get(r.question_uuid)!;
  const started = performance.now();
  await judgeSemantic(embeddings, q, r.student_answer, contrastFor(q, all));
  verdictTimes.push(performance.now() - started);
}
console.log(`\nsemantic verdicts (${embeddings.name}), one answer at a time`);
line("grading one answer", verdictTimes);

// (2) first token with one student
let started = performance.now();
await chat.warmUp();
const loadMs = performance.now() - started;
started = performance.now();
await primeFeedbackWriter(chat);
const primeMs = performance.now() - started;
const grader = createSemanticGrader({ embedder: embeddings, writer: createFeedbackWriter(chat), contrast: async ({ question }) => contrastFor(question, all) });
console.log(`\nfeedback by ${chat.name}: loaded in ${ms(loadMs)}, instructions read ahead in ${ms(primeMs)}; RSS ${rss().toFixed(0)} MB`);

async function oneGrading(question: TOpen, answer: string, locale: "zh-TW" | "en") {
  const t0 = performance.now();
  let first = 0;
  let tokens = 0;
  let replaced = false;
  for await (const event of grader.grade({ question, answer, history: [], locale })) {
    if (event.type === "token") {
      if (!first) first = performance.now() - t0;
      tokens += 1;
    }
    if (event.type === "notice" && event.code === "FEEDBACK_REPLACED") replaced = true;
  }
  return { first, total: performance.now() - t0, tokens, replaced };
}

const sample = records.filter((_, i) => i % Math.max(1, Math.floor(records.length / students)) === 0).slice(0, students);
const firsts: number[] = [];
const totals: number[] = [];
let replacedCount = 0;
let peak = rss();
for (const r of sample) {
  const locale = r.lang === "en" ? "en" : "zh-TW";
  const result = await oneGrading(questions.get(r.question_uuid)!, r.student_answer, locale);
  firsts.push(result.first);
  totals.push(result.total);
  if (result.replaced) replacedCount += 1;
  peak = Math.max(peak, rss());
}
console.log(`one student at a time, ${sample.length} answers across the six questions (${replacedCount} replaced by composed feedback)`);
line("first feedback token (verdicts included)", firsts);
line("whole feedback", totals);

// (3) many in flight: one model generates at a time, so the others wait their turn
const batch = Array.from({ length: inFlight }, (_, i) => records[i % records.length]!);
const batchStarted = performance.now();
const results = await Promise.all(batch.map((r) => oneGrading(questions.get(r.question_uuid)!, r.student_answer, r.lang === "en" ? "en" : "zh-TW")));
const batchMs = performance.now() - batchStarted;
peak = Math.max(peak, rss());
console.log(`\n${inFlight} gradings with feedback in flight at once`);
line("first feedback token", results.map((r) => r.first));
line("whole feedback", results.map((r) => r.total));
console.log(`throughput: ${((inFlight / batchMs) * 60_000).toFixed(1)} answers with model feedback per minute`);
console.log(`\nresident memory with both models loaded: now ${rss().toFixed(0)} MB, peak ${peak.toFixed(0)} MB`);
process.exit(0);
