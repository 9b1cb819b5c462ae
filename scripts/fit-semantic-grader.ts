// npm run grader:fit [-- --input content/grading-eval/tuning.jsonl]: fits the semantic grader's
// calibration on a labelled TUNING set (never on the independent set, which only measures it) and
// writes lib/grading/semantic-weights.json. Needs the embeddings model (npm run models:install).
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { loadContent } from "@/lib/content/load-content";
import { parseCriterionLabelled } from "@/lib/grading/eval-records";
import { fitLogistic } from "@/lib/grading/logistic";
import { answerFeatures, FEATURE_NAMES, featureVector, type TAnswerFeatures } from "@/lib/grading/semantic-features";
import { contrastFor, decide, type TSemanticWeights } from "@/lib/grading/semantic-verdicts";
import { embedder } from "@/lib/models/embed";
import type { TOpen } from "@/lib/quiz/schema";

const { values } = parseArgs({ options: { input: { type: "string", default: "content/grading-eval/tuning-lecture-01.jsonl" }, out: { type: "string", default: "lib/grading/semantic-weights.json" } } });
const model = embedder();
if (!model) {
  console.error("grader:fit: no embeddings model. Run npm run models:install first (or set EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL).");
  process.exit(2);
}
const records = parseCriterionLabelled(await readFile(values.input!, "utf8"), values.input!);
const allQuestions = (await loadContent()).quizzes.flatMap((q) => q.data.questions);
const questions = new Map(allQuestions.filter((q): q is TOpen => q.type === "open").map((q) => [q.uuid, q]));

const graded: { record: (typeof records)[number]; question: TOpen; features: TAnswerFeatures }[] = [];
for (const record of records) {
  const question = questions.get(record.question_uuid);
  if (!question) throw new Error(`${record.id}: no open question ${record.question_uuid} in content/`);
  graded.push({ record, question, features: await answerFeatures(model, question, record.student_answer, contrastFor(question, allQuestions), { excludeExemplar: record.id }) });
}

const rows: number[][] = [];
const anyLabels: number[] = [];
const metLabels: number[] = [];
for (const { record, features } of graded) {
  for (const c of features.criteria) {
    const label = record.criteria[c.criterionId];
    if (!label) throw new Error(`${record.id}: no label for criterion ${c.criterionId}`);
    rows.push(featureVector(features, c));
    anyLabels.push(label === "missed" ? 0 : 1);
    metLabels.push(label === "met" ? 1 : 0);
  }
}
const atLeastPartly = fitLogistic(rows, anyLabels, { l2: 0.01 });
const met = fitLogistic(rows, metLabels, { l2: 0.01 });

function points(weights: TSemanticWeights, features: TAnswerFeatures, question: TOpen) {
  return decide(features, weights).reduce((sum, d) => sum + (question.rubric.criteria.find((c) => c.id === d.criterionId)?.points ?? 0) * (d.verdict === "met" ? 1 : d.verdict === "partly" ? 0.5 : 0), 0);
}
// The two gates are chosen to agree most often with the teacher's points on the tuning set
let best: { weights: TSemanticWeights; exact: number; mae: number } | null = null;
const cuts = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];
for (const minRelevanceMargin of [-1, -0.04, -0.03, -0.02, -0.01, 0, 0.01, 0.02]) {
  for (const [cutAny, cutMet] of cuts.flatMap((a) => cuts.map((m) => [a, m] as const))) {
    const weights: TSemanticWeights = { embeddings: model.name, fittedOn: values.input!, features: FEATURE_NAMES, atLeastPartly, met, minRelevanceMargin, cutAny, cutMet };
    let exact = 0;
    let error = 0;
    for (const g of graded) {
      const p = points(weights, g.features, g.question);
      if (Math.abs(p - g.record.expected_points) < 1e-9) exact += 1;
      error += Math.abs(p - g.record.expected_points);
    }
    const candidate = { weights, exact: exact / graded.length, mae: error / graded.length };
    if (!best || candidate.exact > best.exact || (candidate.exact === best.exact && candidate.mae < best.mae)) best = candidate;
  }
}
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const roundModel = (m: typeof met) => ({ mean: m.mean.map(round), std: m.std.map(round), weights: m.weights.map(round), bias: round(m.bias) });
const output = { ...best!.weights, atLeastPartly: roundModel(atLeastPartly), met: roundModel(met), tuning: { answers: graded.length, criteria: rows.length, exactPoints: round(best!.exact), meanAbsoluteError: round(best!.mae) } };
await writeFile(values.out!, `${JSON.stringify(output, null, 2)}\n`);
console.log(`fitted on ${graded.length} answers (${rows.length} criterion verdicts) from ${values.input}`);
console.log(`on the tuning set itself: exact points ${(best!.exact * 100).toFixed(1)} %, mean absolute error ${best!.mae.toFixed(3)}; off-topic below a relevance margin of ${best!.weights.minRelevanceMargin}; cut-offs ${best!.weights.cutAny} (partly) and ${best!.weights.cutMet} (met)`);
console.log(`weights (standardised) at least partly: ${FEATURE_NAMES.map((n, i) => `${n} ${atLeastPartly.weights[i]!.toFixed(2)}`).join(", ")}`);
console.log(`weights (standardised) met:             ${FEATURE_NAMES.map((n, i) => `${n} ${met.weights[i]!.toFixed(2)}`).join(", ")}`);
console.log(`wrote ${values.out}`);
process.exit(0);
