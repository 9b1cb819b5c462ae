import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { LOCALES, type TLocale } from "@/lib/core/locales";
import type { TQuestion } from "@/lib/quiz/schema";
import { checkQuestion } from "./check-question";
import { ZLectureFile, ZQuizFile, type TLectureFile, type TQuizFile } from "./schema";

export type TProblem = { file: string; line: number; message: string; severity: "error" | "warning" };

export type TLoadedLecture = { slug: string; dir: string; data: TLectureFile; notes: Record<TLocale, string> };
export type TLoadedQuiz = { slug: string; file: string; data: TQuizFile };

export type TContent = { lectures: TLoadedLecture[]; quizzes: TLoadedQuiz[]; problems: TProblem[] };

export const CONTENT_DIR = path.join(process.cwd(), "content");

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** Parses one YAML file against a schema; every problem carries the line it points at. */
async function loadYaml<T>(file: string, schema: z.ZodType<T>, relative: string): Promise<{ data?: T; problems: TProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { problems: [{ file: relative, line: 1, message: "file is missing", severity: "error" }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file: relative,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `YAML: ${error.message.split("\n")[0]}`,
        severity: "error" as const,
      })),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { data: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => ({
      file: relative,
      line: lineOf(doc, lineCounter, issue.path),
      message: `${issue.path.join(".") || "(file)"}: ${issue.message}`,
      severity: "error" as const,
    })),
  };
}

function lineOf(doc: Document, lineCounter: LineCounter, issuePath: PropertyKey[]): number {
  for (let length = issuePath.length; length >= 0; length--) {
    const node = doc.getIn(issuePath.slice(0, length) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

async function loadLecture(root: string, slug: string): Promise<{ lecture?: TLoadedLecture; problems: TProblem[] }> {
  const dir = path.join(root, "lectures", slug);
  const relative = (name: string) => path.relative(process.cwd(), path.join(dir, name));
  const { data, problems } = await loadYaml(path.join(dir, "lecture.yaml"), ZLectureFile, relative("lecture.yaml"));
  const notes = {} as Record<TLocale, string>;
  for (const locale of LOCALES) {
    const name = `notes.${locale}.md`;
    const text = await readFile(path.join(dir, name), "utf8").catch(() => null);
    if (text === null) {
      problems.push({ file: relative(name), line: 1, message: "notes are missing for this language", severity: "error" });
      continue;
    }
    notes[locale] = text;
    const headings = text.split("\n").filter((line) => line.startsWith("## ")).length;
    if (data && headings !== data.sections.length) {
      problems.push({
        file: relative(name),
        line: 1,
        message: `the notes have ${headings} '## ' headings but lecture.yaml lists ${data.sections.length} sections`,
        severity: "error",
      });
    }
  }
  if (data) {
    const concepts = new Set(data.concepts.map((concept) => concept.id));
    for (const section of data.sections) {
      for (const concept of section.concepts) {
        if (!concepts.has(concept)) {
          problems.push({ file: relative("lecture.yaml"), line: 1, message: `section "${section.id}" names unknown concept "${concept}"`, severity: "error" });
        }
      }
    }
  }
  return { lecture: data && problems.length === 0 ? { slug, dir, data, notes } : undefined, problems };
}

function checkQuizAgainstLectures(quiz: TLoadedQuiz, lectures: TLoadedLecture[]): TProblem[] {
  const problems: TProblem[] = [];
  const at = (message: string): TProblem => ({ file: quiz.file, line: 1, message, severity: "error" });
  const lecture = lectures.find((candidate) => candidate.data.uuid === quiz.data.lecture);
  if (!lecture) return [at(`lecture ${quiz.data.lecture} does not exist or has errors of its own`)];
  const concepts = new Set(lecture.data.concepts.map((concept) => concept.id));
  const sections = new Set(lecture.data.sections.map((section) => section.id));
  quiz.data.questions.forEach((question, index) => {
    for (const concept of question.concepts) {
      if (!concepts.has(concept)) problems.push(at(`questions.${index}: unknown concept "${concept}"`));
    }
    if (!sections.has(question.section)) problems.push(at(`questions.${index}: unknown section "${question.section}"`));
    for (const message of checkQuestion(question)) problems.push(at(`questions.${index}: ${message}`));
  });
  return problems;
}

export async function loadContent(root = CONTENT_DIR): Promise<TContent> {
  const problems: TProblem[] = [];
  const lectures: TLoadedLecture[] = [];
  for (const slug of await subfolders(path.join(root, "lectures"))) {
    const result = await loadLecture(root, slug);
    problems.push(...result.problems);
    if (result.lecture) lectures.push(result.lecture);
  }
  const quizzes: TLoadedQuiz[] = [];
  for (const slug of await subfolders(path.join(root, "quizzes"))) {
    const file = path.relative(process.cwd(), path.join(root, "quizzes", slug, "quiz.yaml"));
    const result = await loadYaml(path.join(root, "quizzes", slug, "quiz.yaml"), ZQuizFile, file);
    problems.push(...result.problems);
    if (!result.data) continue;
    const quiz = { slug, file, data: result.data };
    const quizProblems = checkQuizAgainstLectures(quiz, lectures);
    problems.push(...quizProblems);
    if (quizProblems.length === 0) quizzes.push(quiz);
  }
  const seen = new Map<string, string>();
  const uuids = [
    ...lectures.map((lecture) => ({ uuid: lecture.data.uuid, file: path.relative(process.cwd(), lecture.dir) })),
    ...quizzes.flatMap((quiz) => [quiz.data.uuid, ...quiz.data.questions.map((q) => q.uuid)].map((uuid) => ({ uuid, file: quiz.file }))),
  ];
  for (const { uuid, file } of uuids) {
    const first = seen.get(uuid);
    if (first) problems.push({ file, line: 1, message: `uuid ${uuid} is also used in ${first}`, severity: "error" });
    else seen.set(uuid, file);
  }
  for (const quiz of quizzes) problems.push(...keyPositionProblems(quiz));
  for (const lecture of lectures) {
    const questions = quizzes.filter((q) => q.data.lecture === lecture.data.uuid).flatMap((q) => q.data.questions);
    for (const concept of lecture.data.concepts) {
      const testing = questions.filter((question) => question.concepts.includes(concept.id));
      const types = new Set(testing.map((question) => question.type)).size;
      // Every concept deserves at least two questions of two different kinds.
      if (testing.length < 2 || types < 2) {
        problems.push({
          file: path.relative(process.cwd(), path.join(lecture.dir, "lecture.yaml")),
          line: 1,
          message: `concept "${concept.id}" is tested by ${testing.length} question(s) of ${types} type(s); aim for at least 2 of 2`,
          severity: "warning",
        });
      }
    }
  }
  return { lectures, quizzes, problems };
}

/**
 * A quiz whose choice questions mostly keep their key at the same position teaches students to
 * guess that position (shuffling hides it on screen, not in the YAML authors copy from): warn when
 * three or more of them put it at one index in more than half of the questions.
 */
export function keyPositionProblems(quiz: { file: string; data: { questions: TQuestion[] } }): TProblem[] {
  const positions = quiz.data.questions.flatMap((question) => (question.type === "single_choice" ? [question.options.findIndex((option) => option.correct)] : []));
  if (positions.length < 3) return [];
  const counts = new Map<number, number>();
  for (const position of positions) counts.set(position, (counts.get(position) ?? 0) + 1);
  const [index, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (count / positions.length <= 0.5) return [];
  return [{ file: quiz.file, line: 1, severity: "warning", message: `the key is option ${index + 1} in ${count} of ${positions.length} single-choice questions; vary where it sits` }];
}
