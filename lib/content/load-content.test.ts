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

describe("loadContent", () => {
  it("loads lecture 1 and its starter quiz without problems", async () => {
    const content = await loadContent();
    expect(content.problems).toEqual([]);
    expect(content.lectures.map((l) => l.data.concepts.length)).toEqual([14]);
    expect(content.quizzes[0]?.data.questions.map((q) => q.type)).toEqual(["single_choice", "categorize", "numeric"]);
  });

  it("points at the file and line of a mistake", async () => {
    const dir = await copyOfContent();
    const file = path.join(dir, "quizzes", "01-starter", "quiz.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("tolerance: { kind: order_of_magnitude, value: 0 }", "tolerance: { kind: roughly, value: 0 }"));
    const line = text.split("\n").findIndex((l) => l.includes("tolerance:")) + 1;
    const { problems, quizzes } = await loadContent(dir);
    expect(quizzes).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, severity: "error" });
    expect(problems[0]?.file).toMatch(/quiz\.yaml$/);
    expect(problems[0]?.message).toContain("questions.2.tolerance");
  });

  it("reports a question that names a concept the lecture does not teach", async () => {
    const dir = await copyOfContent();
    const file = path.join(dir, "quizzes", "01-starter", "quiz.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("concepts: [search-space-size]", "concepts: [quantum-computing]"));
    const { problems } = await loadContent(dir);
    expect(problems.map((p) => p.message)).toEqual(['questions.2: unknown concept "quantum-computing"']);
  });

  it("reports notes whose headings do not match the sections", async () => {
    const dir = await copyOfContent();
    const file = path.join(dir, "lectures", "01-what-is-generative-ai", "notes.en.md");
    await writeFile(file, `${await readFile(file, "utf8")}\n## An extra heading\n`);
    const { problems } = await loadContent(dir);
    expect(problems[0]?.message).toContain("9 '## ' headings but lecture.yaml lists 8 sections");
  });
});
