import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_DIR, loadContent } from "./load-content";

async function copyOfContent() {
  const dir = await mkdtemp(path.join(tmpdir(), "jielong-content-"));
  await cp(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

const STARTER = ["quizzes", "01-starter", "quiz.yaml"];

async function editStarter(dir: string, edit: (text: string) => string) {
  const file = path.join(dir, ...STARTER);
  const text = await readFile(file, "utf8");
  const changed = edit(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
  return text;
}

const errorsOf = async (dir: string) => (await loadContent(dir)).problems.filter((p) => p.severity === "error");

describe("loadContent on the real content", () => {
  it("finds no errors and no warnings", async () => {
    const content = await loadContent();
    expect(content.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
    expect(content.lectures.map((l) => l.data.concepts.length)).toEqual([14]);
  });
});

describe("loadContent on broken copies", () => {
  it("points at the file and line of a schema mistake", async () => {
    const dir = await copyOfContent();
    const text = await editStarter(dir, (t) => t.replace("tolerance: { kind: order_of_magnitude, value: 0 }", "tolerance: { kind: roughly, value: 0 }"));
    const line = text.split("\n").findIndex((l) => l.includes("tolerance:")) + 1;
    const errors = await errorsOf(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, file: expect.stringMatching(/01-starter\/quiz\.yaml$/) });
    expect(errors[0]?.message).toContain("questions.2.tolerance");
  });

  it("reports malformed YAML with its line", async () => {
    const dir = await copyOfContent();
    const text = await editStarter(dir, (t) => t.replace("    points: 2\n", "    points: [2\n"));
    const errors = await errorsOf(dir);
    expect(errors[0]?.message).toMatch(/^YAML: /);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(text.split("\n").findIndex((l) => l === "    points: 2") + 1);
  });

  it("lists the allowed types for an unknown question type", async () => {
    const dir = await copyOfContent();
    await editStarter(dir, (t) => t.replace("type: categorize", "type: drag_and_drop"));
    const errors = await errorsOf(dir);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("unknown question type; allowed types: single_choice, multiple_select, categorize, ordering, numeric, short_text, next_token, open")]);
  });

  it("names both files when a uuid is used twice", async () => {
    const dir = await copyOfContent();
    await cp(path.join(dir, "quizzes", "01-starter"), path.join(dir, "quizzes", "99-copy"), { recursive: true });
    const file = path.join(dir, "quizzes", "99-copy", "quiz.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^uuid: .*$/m, "uuid: 11111111-1111-4111-8111-111111111111"));
    const messages = (await errorsOf(dir)).map((e) => `${e.file}: ${e.message}`);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.every((m) => /99-copy\/quiz\.yaml: uuid .* is also used in .*01-starter\/quiz\.yaml/.test(m))).toBe(true);
  });

  it("reports a question that names a concept the lecture does not teach", async () => {
    const dir = await copyOfContent();
    await editStarter(dir, (t) => t.replace("concepts: [search-space-size]", "concepts: [quantum-computing]"));
    expect((await errorsOf(dir)).map((p) => p.message)).toEqual(['questions.2: unknown concept "quantum-computing"']);
  });

  it("reports a parameter placeholder that is not declared", async () => {
    const dir = await copyOfContent();
    await editStarter(dir, (t) => t.replace('answer: "10^300"', 'answer: "{{V}}^100"'));
    expect((await errorsOf(dir)).map((p) => p.message)).toContain("questions.2: {{V}} is used but not declared under parameters");
  });

  it("reports notes whose headings do not match the sections", async () => {
    const dir = await copyOfContent();
    const file = path.join(dir, "lectures", "01-what-is-generative-ai", "notes.en.md");
    await writeFile(file, `${await readFile(file, "utf8")}\n## An extra heading\n`);
    expect((await errorsOf(dir))[0]?.message).toContain("9 '## ' headings but lecture.yaml lists 8 sections");
  });
});

describe("key positions", () => {
  it("warns when most single-choice keys sit at one position, and not when they vary", async () => {
    const { keyPositionProblems } = await import("./load-content");
    const question = (key: number) => ({ type: "single_choice", options: [0, 1, 2, 3].map((i) => ({ id: `o${i}`, correct: i === key })) }) as never;
    expect(keyPositionProblems({ file: "q.yaml", data: { questions: [question(0), question(0), question(0), question(2)] } })).toEqual([
      { file: "q.yaml", line: 1, severity: "warning", message: "the key is option 1 in 3 of 4 single-choice questions; vary where it sits" },
    ]);
    expect(keyPositionProblems({ file: "q.yaml", data: { questions: [question(0), question(2), question(3), question(1)] } })).toEqual([]);
  });
});
