import { readFileSync } from "node:fs";
import path from "node:path";

import { CONTENT_DIR } from "@/lib/content/load-content";
import type { TEmbedder } from "@/lib/models/embed";

import { parseCriterionLabelled, type TCriterionLabelled } from "./eval-records";

// Graded exemplars: answers to the lecture's open questions that a teacher graded criterion by
// criterion (content/grading-eval/tuning-lecture-01.jsonl). The semantic grader asks how the
// exemplars closest in meaning to a new answer were graded, as a TA compares with answers already
// marked. They are the tuning set, never the independent set that measures the grader.

export const EXEMPLARS_FILE = path.join(CONTENT_DIR, "grading-eval", "tuning-lecture-01.jsonl");

let byQuestion: Map<string, TCriterionLabelled[]> | null = null;
function exemplars(): Map<string, TCriterionLabelled[]> {
  if (!byQuestion) {
    byQuestion = new Map();
    let records: TCriterionLabelled[] = [];
    try {
      records = parseCriterionLabelled(readFileSync(EXEMPLARS_FILE, "utf8"), EXEMPLARS_FILE);
    } catch {
      records = [];
    }
    for (const r of records) byQuestion.set(r.question_uuid, [...(byQuestion.get(r.question_uuid) ?? []), r]);
  }
  return byQuestion;
}

const vectorsCache = new Map<string, Promise<Float32Array[]>>();

/** How the nearest exemplars of the same question were graded, per criterion; null without exemplars */
export async function exemplarVotes(
  embedder: TEmbedder,
  questionUuid: string,
  answerVector: Float32Array,
  represent: (texts: string[]) => Promise<Float32Array[]>,
  options: { exclude?: string; k?: number } = {},
): Promise<{ votes: Map<string, number>; nearest: number } | null> {
  const list = exemplars().get(questionUuid);
  if (!list?.length) return null;
  const key = `${embedder.name}\u0000${questionUuid}`;
  let vectors = vectorsCache.get(key);
  if (!vectors) {
    vectors = represent(list.map((e) => e.student_answer));
    vectorsCache.set(key, vectors);
    vectors.catch(() => vectorsCache.delete(key));
  }
  const all = await vectors;
  const scored = list
    .map((e, i) => ({ e, sim: dot(all[i]!, answerVector) }))
    .filter((x) => x.e.id !== options.exclude && x.e.student_answer !== options.exclude)
    .sort((a, b) => b.sim - a.sim)
    .slice(0, options.k ?? 7);
  if (scored.length === 0) return null;
  // Closer exemplars weigh more: a softmax over similarity, sharp because e5's similarities are close together
  const weights = scored.map((x) => Math.exp((x.sim - scored[0]!.sim) / 0.02));
  const total = weights.reduce((a, b) => a + b, 0);
  const votes = new Map<string, number>();
  for (const id of Object.keys(scored[0]!.e.criteria)) {
    const credit = scored.reduce((sum, x, i) => sum + weights[i]! * (x.e.criteria[id] === "met" ? 1 : x.e.criteria[id] === "partly" ? 0.5 : 0), 0);
    votes.set(id, credit / total);
  }
  return { votes, nearest: scored[0]!.sim };
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
