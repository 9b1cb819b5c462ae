import { parseNumber } from "@/lib/quiz/parse-number";
import type { TQuestion } from "@/lib/quiz/schema";
import { drawVariant, instantiate } from "@/lib/quiz/variants";

const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g;

/** Problems zod cannot see: placeholders without parameters, numeric keys that do not read. */
export function checkQuestion(question: TQuestion): string[] {
  const problems: string[] = [];
  const declared = new Set(Object.keys(question.parameters ?? {}));
  const used = new Set([...JSON.stringify({ ...question, parameters: undefined }).matchAll(PLACEHOLDER)].map((match) => match[1]!));
  for (const name of used) if (!declared.has(name)) problems.push(`{{${name}}} is used but not declared under parameters`);
  for (const name of declared) if (!used.has(name)) problems.push(`parameter ${name} is declared but never used`);
  if (question.type === "numeric") {
    // Try a few variants: every one of them must give readable numbers.
    for (let sample = 0; sample < (declared.size ? 5 : 1); sample++) {
      const instance = instantiate(question, drawVariant(question, `content-check:${sample}`));
      for (const text of [instance.answer, ...instance.commonMistakes.map((mistake) => mistake.answer)]) {
        const reading = parseNumber(text);
        if (!reading.ok) problems.push(`numeric answer "${text}" cannot be read as a number (${reading.reason})`);
      }
    }
  }
  if (question.type === "ordering" || question.type === "categorize" || question.type === "single_choice" || question.type === "multiple_select" || question.type === "next_token") {
    const ids = question.type === "next_token" ? question.candidates.map((c) => c.id) : question.type === "categorize" || question.type === "ordering" ? question.items.map((i) => i.id) : question.options.map((o) => o.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (duplicates.length) problems.push(`duplicate ids: ${[...new Set(duplicates)].join(", ")}`);
  }
  return [...new Set(problems)];
}
