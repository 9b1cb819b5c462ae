// grader:eval on a set labelled per rubric criterion (content/grading-eval/independent-lecture-01.jsonl):
// every grader grades every answer with the question's authored rubric, as in the app, and the
// points it gives are compared with the teacher's.
import { loadContent } from "@/lib/content/load-content";
import type { TCriterionLabelled } from "@/lib/grading/eval-records";
import { pointsReport, type TPointsReport, type TPointsRow } from "@/lib/grading/points-eval";
import { judgeRubric } from "@/lib/grading/rubric-verdicts";
import { scoreVerdicts } from "@/lib/grading/score";
import { contrastFor, judgeSemantic } from "@/lib/grading/semantic-verdicts";
import { embedder } from "@/lib/models/embed";
import type { TOpen } from "@/lib/quiz/schema";

export type TPointsGrader = "lexical" | "semantic";

export async function evaluatePoints(records: TCriterionLabelled[], graders: TPointsGrader[]): Promise<{ grader: TPointsGrader; report: TPointsReport; rows: TPointsRow[] }[]> {
  const all = (await loadContent()).quizzes.flatMap((q) => q.data.questions);
  const questions = new Map(all.filter((q): q is TOpen => q.type === "open").map((q) => [q.uuid, q]));
  const results = [];
  for (const grader of graders) {
    const model = grader === "semantic" ? embedder() : null;
    if (grader === "semantic" && !model) throw new Error("--grader semantic needs the embeddings model: run npm run models:install (or set EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL)");
    const rows: TPointsRow[] = [];
    for (const r of records) {
      const question = questions.get(r.question_uuid);
      if (!question) throw new Error(`${r.id}: no open question ${r.question_uuid} in content/`);
      const started = performance.now();
      const criteria = grader === "lexical" ? judgeRubric(question, r.student_answer).criteria : (await judgeSemantic(model!, question, r.student_answer, contrastFor(question, all))).criteria;
      const predicted = scoreVerdicts(question, criteria);
      rows.push({ id: r.id, kind: r.kind, lang: r.lang, max: question.points, expected: r.expected_points, predicted, ms: performance.now() - started });
    }
    results.push({ grader, report: pointsReport(rows), rows });
  }
  return results;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const f3 = (x: number) => x.toFixed(3);

export function printPoints(file: string, results: { grader: TPointsGrader; report: TPointsReport }[]): void {
  console.log(`file: ${file}; every answer graded with its question's authored rubric`);
  console.log(`\n${"grader".padEnd(10)}${"3-way F1".padStart(10)}${"2-way F1".padStart(10)}${"exact pts".padStart(11)}${"MAE".padStart(8)}${"stuffed>1/3".padStart(13)}${"para≥2/3".padStart(10)}${"ms mean".padStart(9)}${"ms p95".padStart(9)}`);
  for (const { grader, report: r } of results) {
    console.log(
      `${grader.padEnd(10)}${f3(r.threeWay.macroF1).padStart(10)}${f3(r.twoWay.macroF1).padStart(10)}${pct(r.exactPoints).padStart(11)}${r.meanAbsoluteError.toFixed(2).padStart(8)}${`${r.stuffed.aboveOneThird}/${r.stuffed.answers}`.padStart(13)}${pct(r.paraphrasesAtTwoThirds.share).padStart(10)}${r.msPerAnswer.mean.toFixed(1).padStart(9)}${r.msPerAnswer.p95.toFixed(1).padStart(9)}`,
    );
  }
  for (const { grader, report: r } of results) {
    console.log(`\n${grader}: ${r.answers} answers`);
    for (const [title, e] of [["3-way", r.threeWay], ["2-way", r.twoWay]] as const) {
      console.log(`${title}: accuracy ${f3(e.accuracy)}   macro-F1 ${f3(e.macroF1)}`);
      console.log(`confusion (rows: label, columns: grader)`);
      console.log(`${"".padEnd(13)}${e.labels.map((l) => l.padStart(13)).join("")}`);
      e.labels.forEach((l, i) => console.log(`${l.padEnd(13)}${e.confusion[i]!.map((n) => String(n).padStart(13)).join("")}`));
    }
    console.log(`by kind: ${r.byKind.map((k) => `${k.kind} ${pct(k.exactPoints)} exact, MAE ${k.meanAbsoluteError.toFixed(2)} (n=${k.answers})`).join("; ")}`);
    console.log(`keyword lists and off-topic: highest score ${r.stuffed.maxScore}, above 1/3: ${r.stuffed.aboveOneThird} of ${r.stuffed.answers}`);
  }
}
