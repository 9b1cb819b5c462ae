import OpenAI from "openai";

import { builtinEvents } from "./builtin-grader";
import { detectInjection, withoutInstructions } from "./detect-injection";
import { feedbackMessages, verdictMessages, verdictSchema, ZModelVerdicts, type TModelVerdicts } from "./llm-prompts";
import type { TCriterionEvent, TEvidence, TGradeInput, TGrader, TGraderStreamEvent } from "./schema";
import { scoreVerdicts } from "./score";

// Rubric grading by any OpenAI-compatible server (OpenAI, vLLM, Ollama, a llama.cpp server).
// Verdicts come back as JSON (schema-constrained where the server supports it), are checked with
// zod and asked for once more if unusable; the feedback streams token by token with the model's
// top candidates where it reports them. When the model cannot be used the built-in grader takes
// over, with a notice. The score is always computed by code from the verdicts.

export type TOpenAIConfig = { baseURL: string; model: string; apiKey?: string; timeoutMs: number; maxRetries?: number };

type TFormat = "json_schema" | "json_object" | "none";

function locate(answer: string, quote: string): TEvidence | null {
  const wanted = quote.trim();
  if (!wanted) return null;
  let at = answer.indexOf(wanted);
  if (at < 0) at = answer.toLowerCase().indexOf(wanted.toLowerCase());
  return at < 0 ? null : { start: at, end: at + wanted.length, text: answer.slice(at, at + wanted.length) };
}

/** A model's "met" must quote the answer: a verdict it cannot back with the student's words counts as partly. */
function toCriterionEvents(input: TGradeInput, verdicts: TModelVerdicts, shown: string): TCriterionEvent[] {
  return input.question.rubric.criteria.map((criterion) => {
    const v = verdicts.criteria.find((c) => c.criterionId === criterion.id)!;
    const evidence = locate(shown, v.evidence);
    const verdict = v.verdict === "met" && !evidence ? "partly" : v.verdict;
    return { type: "criterion", criterionId: criterion.id, verdict: v.contradicted ? "missed" : verdict, contradicted: v.contradicted, evidence, label: criterion.description[input.locale] };
  });
}

function isUnsupported(error: unknown, feature: string): boolean {
  return error instanceof OpenAI.APIError && error.status !== undefined && error.status >= 400 && error.status < 500 && new RegExp(feature, "iu").test(error.message);
}

export function createOpenAIGrader(config: TOpenAIConfig): TGrader {
  const client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey || "not-needed", timeout: config.timeoutMs, maxRetries: config.maxRetries ?? 2 });
  let format: TFormat = "json_schema";
  let logprobs = true;

  async function askVerdicts(input: TGradeInput, shown: string, signal?: AbortSignal): Promise<TModelVerdicts> {
    const schema = ZModelVerdicts(input.question);
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = verdictMessages(input.question, shown, input.locale);
    let lastProblem = "";
    for (let attempt = 0; attempt < 2; attempt++) {
      let content: string;
      try {
        const response = await client.chat.completions.create(
          {
            model: config.model,
            messages,
            temperature: 0,
            ...(format === "json_schema"
              ? { response_format: { type: "json_schema" as const, json_schema: { name: "rubric_verdicts", strict: true, schema: verdictSchema(input.question) as unknown as Record<string, unknown> } } }
              : format === "json_object"
                ? { response_format: { type: "json_object" as const } }
                : {}),
          },
          { signal },
        );
        content = response.choices[0]?.message?.content ?? "";
      } catch (error) {
        // A server without structured output: ask for plain JSON instead, without using up the retry
        if (format !== "none" && isUnsupported(error, "response_format|json_schema|json")) {
          format = format === "json_schema" ? "json_object" : "none";
          attempt -= 1;
          continue;
        }
        throw error;
      }
      const json = (() => {
        try {
          return JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/gu, "")) as unknown;
        } catch {
          return undefined;
        }
      })();
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      lastProblem = json === undefined ? "the reply was not JSON" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      messages.push({ role: "assistant", content }, { role: "user", content: `That reply could not be used (${lastProblem}). Reply again with JSON only, one verdict for every criterion.` });
    }
    throw new Error(`unusable verdicts: ${lastProblem}`);
  }

  async function* streamFeedback(input: TGradeInput, shown: string, criteria: TCriterionEvent[], misconceptions: string[], signal?: AbortSignal): AsyncGenerator<TGraderStreamEvent> {
    const messages = feedbackMessages({ question: input.question, answer: shown, locale: input.locale, criteria, misconceptions, history: input.history });
    let stream;
    try {
      stream = await client.chat.completions.create({ model: config.model, messages, stream: true, temperature: 0.3, ...(logprobs ? { logprobs: true, top_logprobs: 5 } : {}) }, { signal });
    } catch (error) {
      if (!logprobs || !isUnsupported(error, "logprobs")) throw error;
      logprobs = false;
      stream = await client.chat.completions.create({ model: config.model, messages, stream: true, temperature: 0.3 }, { signal });
    }
    let finished = false;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.finish_reason) finished = true;
      const scored = choice.logprobs?.content;
      if (scored?.length) {
        for (const entry of scored) {
          yield {
            type: "token",
            text: entry.token,
            candidates: (entry.top_logprobs ?? []).slice(0, 10).map((c) => ({ token: c.token, probability: Math.min(1, Math.exp(c.logprob)) })),
          };
        }
      } else if (choice.delta?.content) {
        yield { type: "token", text: choice.delta.content };
      }
    }
    // A connection dropped mid-answer can look like a normal end: only finish_reason says it is complete
    if (!finished) throw new Error("the feedback stream was cut off before the model finished");
  }

  return {
    name: "openai",
    async *grade(input, signal) {
      yield { type: "grader", name: "openai", model: config.model };
      // A flagged answer reaches the model without its instruction-like sentences
      const shown = detectInjection(input.answer).flagged ? withoutInstructions(input.answer) : input.answer;
      const builtin = [...builtinEvents({ ...input, answer: shown })];
      const builtinScore = builtin.find((e) => e.type === "score")?.score;
      let criteria: TCriterionEvent[];
      let misconceptions: string[];
      try {
        const verdicts = await askVerdicts(input, shown, signal);
        criteria = toCriterionEvents(input, verdicts, shown);
        misconceptions = verdicts.misconceptions;
      } catch (error) {
        yield { type: "notice", code: "LLM_FALLBACK", detail: error instanceof Error ? error.message.slice(0, 300) : "model unavailable" };
        yield { type: "grader", name: "builtin" };
        yield* builtin;
        return;
      }
      yield* criteria;
      for (const id of misconceptions) {
        yield { type: "misconception", misconceptionId: id, evidence: null, label: input.question.rubric.misconceptions.find((m) => m.id === id)?.description[input.locale] };
      }
      let tokens = 0;
      try {
        for await (const event of streamFeedback(input, shown, criteria, misconceptions, signal)) {
          tokens += 1;
          yield event;
        }
        if (tokens === 0) throw new Error("the model wrote no feedback");
      } catch (error) {
        // Cut off mid-stream: what was written is replaced by the built-in grader's feedback
        yield { type: "notice", code: "LLM_FALLBACK", detail: error instanceof Error ? error.message.slice(0, 300) : "stream failed" };
        yield { type: "reset" };
        yield { type: "grader", name: "builtin" };
        yield* builtin;
        return;
      }
      const partly = criteria.filter((c) => c.verdict === "partly").length;
      const score = scoreVerdicts(input.question, criteria);
      const disagreement = builtinScore === undefined ? 0 : Math.abs(score - builtinScore) / input.question.points;
      const confidence = Math.max(0.1, Math.min(0.95, 0.9 - 0.1 * partly - 0.5 * disagreement));
      yield { type: "score", score, maxScore: input.question.points, confidence: Math.round(confidence * 100) / 100, builtinScore };
    },
  };
}
