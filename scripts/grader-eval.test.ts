import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// `npm run grader:eval` as a user runs it: on the shipped labelled set, and on a broken file.

const run = promisify(execFile);
const evalScript = (...args: string[]) => run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/grader-eval.ts", ...args], { env: { ...process.env, LLM_BASE_URL: "", LLM_MODEL: "" } });

describe("grader:eval", () => {
  it("reports the built-in grader's figures on the shipped set, better than word overlap on 3-way labels", async () => {
    const builtin = JSON.parse((await evalScript("--input", "content/grading-eval/lecture-01.jsonl", "--json")).stdout) as { report: { macroF1: number; total: number; confusion: number[][] } };
    const overlap = JSON.parse((await evalScript("--input", "content/grading-eval/lecture-01.jsonl", "--grader", "overlap", "--json")).stdout) as { report: { macroF1: number } };
    expect(builtin.report.total).toBeGreaterThanOrEqual(80);
    expect(builtin.report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(builtin.report.total);
    // Guards against regressions of the grader: the figures in docs/GRADING.md
    expect(builtin.report.macroF1).toBeGreaterThan(0.6);
    expect(builtin.report.macroF1).toBeGreaterThan(overlap.report.macroF1 + 0.1);
    const text = (await evalScript("--input", "content/grading-eval/lecture-01.jsonl", "--labels", "2way")).stdout;
    expect(text).toMatch(/macro-F1 0\.\d{3}/u);
    expect(text).toContain("confusion (rows: label, columns: grader)");
    expect(text).toMatch(/ms per answer/u);
  });

  it("names the line of a broken record and refuses a model grader without a model", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "grader-eval-"));
    const file = path.join(dir, "bad.jsonl");
    await writeFile(file, `{"id":"a","question":"q","reference_answers":["r"],"student_answer":"s","label":"correct"}\n{"id":"b","question":"q","reference_answers":["r"],"student_answer":"s","label":"maybe"}\n`);
    await expect(evalScript("--input", file)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining(`${file}:2: label:`) });
    await expect(evalScript("--input", file, "--grader", "openai")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("needs LLM_BASE_URL") });
  });
});
