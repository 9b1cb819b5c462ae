import { loadContent } from "@/lib/content/load-content";

// Validates everything under content/ and prints each problem as file:line: message.
const { lectures, quizzes, problems } = await loadContent();
for (const problem of problems) {
  console.log(`${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`);
}
const errors = problems.filter((problem) => problem.severity === "error").length;
console.log(`content: ${lectures.length} lecture(s), ${quizzes.length} quiz(zes), ${errors} error(s)`);
process.exit(errors > 0 ? 1 : 0);
