import { localize } from "@/lib/content/localize";
import type { TQuestion } from "./schema";

// A parameterized question's prompt as staff read it (item analysis, a student's record): the
// template's {{L}} becomes L, followed by the values each parameter takes, e.g. "L = 90 to 120".

export function readablePrompt(question: Pick<TQuestion, "prompt" | "parameters">, locale: string): string {
  const text = localize(question.prompt, locale);
  const parameters = Object.entries(question.parameters ?? {});
  if (parameters.length === 0) return text;
  const zh = locale !== "en";
  const ranges = parameters.map(([name, spec]) =>
    "values" in spec
      ? `${name} = ${spec.values.join(zh ? "、" : ", ")}`
      : zh
        ? `${name} = ${spec.range[0]} 到 ${spec.range[1]}${spec.step > 1 ? `（每 ${spec.step} 一級）` : ""}`
        : `${name} = ${spec.range[0]} to ${spec.range[1]}${spec.step > 1 ? ` (in steps of ${spec.step})` : ""}`,
  );
  return `${text.replace(/\{\{\s*(\w+)\s*\}\}/gu, "$1")}\n${zh ? "每位學生的數字不同：" : "Each student gets their own numbers: "}${ranges.join(zh ? "；" : "; ")}`;
}
