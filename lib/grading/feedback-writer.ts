import type { TLocale } from "@/lib/core/locales";
import { chatModel, type TChatMessage, type TChatModel } from "@/lib/models/chat";
import type { TOpen } from "@/lib/quiz/schema";

import { withoutInstructions } from "./detect-injection";
import type { TFeedbackContext, TFeedbackWriter } from "./semantic-grader";

// The feedback a language model writes for the semantic grader: it is told the question, the
// rubric, the verdicts (which it cannot change) and every earlier round's answer and feedback,
// and writes a few sentences token by token. The instructions come first and are the same for
// every student on a question, so a local model reads them once and keeps them (prefix reuse).

const SYSTEM: Record<TLocale, string> = {
  "zh-TW": "你是「生成式 AI 導論」課程親切、具體的助教，只用繁體中文（台灣用語）寫作。你寫給學生的回饋只有三、四句，直接對學生說「你」，不替學生寫答案，也不打分數。",
  en: "You are a kind, specific teaching assistant for an Introduction to Generative AI course, writing in English. Your feedback to a student is three or four sentences, addressed to them as \"you\"; you never write the answer for them and never give a score.",
};

/**
 * One worked example, the same for every question: it shows the model what feedback looks like
 * (a small model otherwise answers the question itself). It comes right after the system message,
 * so a local model evaluates it once per process.
 */
const EXAMPLE: Record<TLocale, [string, string]> = {
  "zh-TW": [
    "題目：為什麼垃圾郵件過濾不算生成式 AI？\n\n學生的答案：「因為它只是判斷信件是不是垃圾信。」\n\n評分器的判定（不能更改）:\n已經做到：指出垃圾郵件過濾只是從固定的選項中挑一個\n還沒做到：說明生成的輸出是有結構、全新的東西",
    "你抓到了重點：垃圾郵件過濾只是在「是」和「不是」之間挑一個，所以是分類。還可以再想想生成式 AI 的輸出長什麼樣子：它要產生的是一段由許多單位組成、以前不存在的內容。試著把這兩者放在一起比較，你的說明就更完整了。",
  ],
  en: [
    "Question: Why is a spam filter not generative AI?\n\nThe student's answer: \"It only decides whether an email is spam.\"\n\nThe grader's verdicts (final):\nAlready done: says a spam filter only picks one of a fixed set of answers\nNot done yet: explains that a generated output is a new, structured object",
    "You have the key point: a spam filter only picks between \"spam\" and \"not spam\", which makes it classification. Now think about what a generative model's output looks like: something new, built from many pieces, that did not exist before. Putting the two side by side would make your explanation complete.",
  ],
};

/** The criteria grouped by verdict, in the student's language */
function verdictSummary(question: TOpen, criteria: TFeedbackContext["criteria"], locale: TLocale): string {
  const of = (pick: (v: TFeedbackContext["criteria"][number] | undefined) => boolean) =>
    question.rubric.criteria.filter((c) => pick(criteria.find((v) => v.criterionId === c.id))).map((c) => c.description[locale]);
  const met = of((v) => v?.verdict === "met");
  const partly = of((v) => v?.verdict === "partly" && !v.contradicted);
  const missed = of((v) => !v || (v.verdict === "missed" && !v.contradicted));
  const opposite = of((v) => Boolean(v?.contradicted));
  const zh = locale === "zh-TW";
  const list = (items: string[]) => items.join(zh ? "；" : "; ");
  return [
    met.length ? `${zh ? "已經做到" : "Already done"}: ${list(met)}` : "",
    partly.length ? `${zh ? "只做到一部分" : "Only partly done"}: ${list(partly)}` : "",
    missed.length ? `${zh ? "還沒做到" : "Not done yet"}: ${list(missed)}` : "",
    opposite.length ? `${zh ? "說反了" : "Stated the opposite of"}: ${list(opposite)}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * The prompt: the question first (the same for every student on it, so a local model keeps it
 * evaluated), then the earlier rounds, this answer, and the verdicts the model must follow.
 */
export function feedbackPrompt(context: TFeedbackContext): TChatMessage[] {
  const { question, locale } = context;
  const zh = locale === "zh-TW";
  const quote = (text: string) => `「${withoutInstructions(text).slice(0, 1200).replace(/[「」]/gu, "")}」`;
  const misconceptions = context.misconceptions.flatMap((id) => question.rubric.misconceptions.filter((m) => m.id === id).map((m) => m.description[locale]));
  const parts = [`${zh ? "題目" : "Question"}: ${question.prompt[locale]}`];
  context.history.forEach((round, i) => {
    parts.push(zh ? `學生第 ${i + 1} 次的答案：${quote(round.answer)}\n你當時的回饋：${round.feedback.slice(0, 500)}` : `The student's answer, round ${i + 1}: ${quote(round.answer)}\nYour feedback then: ${round.feedback.slice(0, 500)}`);
  });
  parts.push(`${zh ? (context.history.length ? "學生修改後的答案" : "學生的答案") : context.history.length ? "The student's revised answer" : "The student's answer"}: ${quote(context.answer)}`);
  parts.push(`${zh ? "評分器的判定（不能更改）" : "The grader's verdicts (final)"}:\n${verdictSummary(question, context.criteria, locale)}`);
  if (misconceptions.length) parts.push(`${zh ? "答案裡的迷思" : "Misconception in the answer"}: ${misconceptions.join(zh ? "；" : "; ")}`);
  if (context.final) parts.push(zh ? "（這是學生交卷後的答案，已經不能再修改：說明做到和還缺少的部分，不要請學生修改或再送出。）" : "(This is the answer as handed in; it cannot be revised any more: say what it does and what it lacks, and do not ask the student to revise or resend it.)");
  else if (context.history.length) parts.push(zh ? "（這是修改後的版本：請說出這次比上次進步或退步了什麼。）" : "(This is a revision: say what changed since the last round.)");
  return [
    { role: "system", content: SYSTEM[locale] },
    { role: "user", content: EXAMPLE[locale][0] },
    { role: "assistant", content: EXAMPLE[locale][1] },
    { role: "user", content: parts.join("\n\n") },
  ];
}

export function createFeedbackWriter(model: TChatModel): TFeedbackWriter {
  return {
    model: model.name,
    languages: model.languages,
    async *write(context, signal) {
      // One sequence per language keeps that language's instructions and example evaluated
      yield* model.generate(feedbackPrompt(context), { maxTokens: context.locale === "zh-TW" ? 220 : 180, temperature: 0, topK: 5, traditionalOnly: context.locale === "zh-TW", signal, slot: context.locale === "zh-TW" ? 0 : 1 });
    },
  };
}

/** Reads the instructions and example of both languages ahead of the first student */
export async function primeFeedbackWriter(model: TChatModel): Promise<void> {
  for (const locale of ["zh-TW", "en"] as const) {
    const messages: TChatMessage[] = [{ role: "system", content: SYSTEM[locale] }, { role: "user", content: EXAMPLE[locale][0] }, { role: "assistant", content: EXAMPLE[locale][1] }, { role: "user", content: "." }];
    for await (const token of model.generate(messages, { maxTokens: 1, slot: locale === "zh-TW" ? 0 : 1, traditionalOnly: locale === "zh-TW" })) void token;
  }
}

/** The feedback writer of this process: its chat model, if one is installed or configured */
export function feedbackWriter(): TFeedbackWriter | null {
  const model = chatModel();
  return model ? createFeedbackWriter(model) : null;
}
