import { z } from "zod";

// The records `grader:eval` reads: one JSON object per line.

export const ZEvalRecord = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  reference_answers: z.array(z.string().min(1)).min(1),
  student_answer: z.string(),
  label: z.enum(["correct", "contradictory", "incorrect"]),
  lang: z.enum(["zh-TW", "en"]).optional(),
  question_uuid: z.string().optional(),
});
export type TEvalRecord = z.infer<typeof ZEvalRecord>;

/** One JSON object per line, each checked by `schema`; errors name the file and line */
function parseJsonLines<T extends { id: string }>(text: string, file: string, schema: z.ZodType<T>): T[] {
  const records: T[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `${file}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${where}: ${issue.path.join(".") || "record"}: ${issue.message}`);
    }
    if (ids.has(parsed.data.id)) throw new Error(`${where}: duplicate id "${parsed.data.id}"`);
    ids.add(parsed.data.id);
    records.push(parsed.data);
  });
  if (records.length === 0) throw new Error(`${file}: no records`);
  return records;
}

export function parseEvalRecords(text: string, file: string): TEvalRecord[] {
  return parseJsonLines(text, file, ZEvalRecord);
}

/** 2-way labels fold "contradictory" into "incorrect" */
export function foldLabel(label: TEvalRecord["label"], scheme: "2way" | "3way"): string {
  return scheme === "2way" && label === "contradictory" ? "incorrect" : label;
}

// Labelled answers with a verdict per rubric criterion (content/grading-eval/independent-*.jsonl
// and the tuning set): a teacher's grading of the question's own rubric.

export const ZCriterionLabelled = z.object({
  id: z.string().min(1),
  question_uuid: z.string().uuid(),
  lang: z.enum(["zh-TW", "en", "mixed"]),
  kind: z.enum(["paraphrase", "partly", "keyword-wrong", "keyword-list", "off-topic", "negation"]),
  student_answer: z.string(),
  criteria: z.record(z.string(), z.enum(["met", "partly", "missed"])),
  expected_points: z.number().min(0),
  label: z.enum(["correct", "partly", "incorrect"]),
  note: z.string().optional(),
});
export type TCriterionLabelled = z.infer<typeof ZCriterionLabelled>;

export function parseCriterionLabelled(text: string, file: string): TCriterionLabelled[] {
  return parseJsonLines(text, file, ZCriterionLabelled);
}

/** The three-way label of a score out of `max`: full marks, nothing (half a point at most), or in between */
export function labelOfPoints(points: number, max: number): "correct" | "partly" | "incorrect" {
  if (points >= max - 1e-9) return "correct";
  if (points <= 0.5 + 1e-9) return "incorrect";
  return "partly";
}
