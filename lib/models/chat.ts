import OpenAI from "openai";

import { installedModel } from "./installed";
import { LocalLlm, type TChatMessage, type TContinuationScores, type TGenerateOptions, type TTokenOut } from "./local-llm";
import { CHAT_MODEL } from "./manifest";

// generate(messages) and nextTokens(prefix, k): the installed small instruct model, run locally,
// or any OpenAI-compatible chat server (LLM_BASE_URL + LLM_MODEL), which wins when set. Both
// stream tokens with the model's real top candidates and probabilities.

export type { TChatMessage, TContinuationScores, TGenerateOptions, TTokenOut };
export type TLanguage = "zh-TW" | "en";

export type TChatModel = {
  /** The model's name and version, stored with what it computed */
  name: string;
  source: "local" | "remote";
  /** The languages it writes well enough to be shown to students */
  languages: readonly TLanguage[];
  generate(messages: TChatMessage[], options?: TGenerateOptions): AsyncIterable<TTokenOut>;
  /** Continues raw text token by token (the word chain); not every server offers it */
  continueText?(prefix: string, options?: TGenerateOptions): AsyncIterable<TTokenOut>;
  nextTokens?(prefix: string, k: number, options?: { traditionalOnly?: boolean }): Promise<{ token: string; probability: number }[]>;
  /** Loads a local model ahead of the first request (a no-op for a server) */
  warmUp(): Promise<void>;
  /**
   * Each continuation's probability after `prefix` (the product over its tokens, each forced in turn)
   * and the model's own top next tokens, from the raw distribution; null or absent where the model
   * cannot be scored token by token (an OpenAI-compatible server)
   */
  scoreContinuations?(prefix: string, continuations: string[], options?: { top?: number }): Promise<TContinuationScores | null>;
  /** Frees a local model's memory (it loads again when next used) */
  dispose?(): Promise<void>;
};

function remoteChat(baseURL: string, model: string, apiKey: string | undefined, timeoutMs: number, languages: TLanguage[]): TChatModel {
  const client = new OpenAI({ baseURL, apiKey: apiKey || "not-needed", timeout: timeoutMs, maxRetries: 2 });
  let logprobs = true;
  return {
    name: model,
    source: "remote",
    languages,
    async *generate(messages, options = {}) {
      const request = { model, messages, stream: true as const, temperature: options.temperature ?? 0.3, max_tokens: options.maxTokens ?? 400, seed: options.seed };
      let stream;
      try {
        stream = await client.chat.completions.create({ ...request, ...(logprobs ? { logprobs: true, top_logprobs: options.topK ?? 5 } : {}) }, { signal: options.signal });
      } catch (error) {
        // A server without logprobs still streams its tokens
        if (!logprobs || !(error instanceof OpenAI.APIError && error.status !== undefined && error.status < 500 && /logprobs/iu.test(error.message))) throw error;
        logprobs = false;
        stream = await client.chat.completions.create(request, { signal: options.signal });
      }
      let finished = false;
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.finish_reason) finished = true;
        const scored = choice.logprobs?.content;
        if (scored?.length) {
          for (const entry of scored) yield { text: entry.token, candidates: (entry.top_logprobs ?? []).map((c) => ({ token: c.token, probability: Math.min(1, Math.exp(c.logprob)) })) };
        } else if (choice.delta?.content) yield { text: choice.delta.content, candidates: [] };
      }
      // A connection dropped mid-answer can look like a normal end: only finish_reason says it is complete
      if (!finished) throw new Error("the model's stream was cut off before it finished");
    },
    async warmUp() {},
    async nextTokens(prefix, k) {
      const response = await client.completions.create({ model, prompt: prefix, max_tokens: 1, logprobs: k, temperature: 0 });
      const top = response.choices[0]?.logprobs?.top_logprobs?.[0] ?? {};
      return Object.entries(top)
        .map(([token, logprob]) => ({ token, probability: Math.exp(logprob) }))
        .sort((a, b) => b.probability - a.probability);
    },
  };
}

function localChat(dir: string): TChatModel {
  const llm = new LocalLlm(`${dir}/${CHAT_MODEL.gguf}`, `${CHAT_MODEL.id}@${CHAT_MODEL.version}`);
  return {
    name: llm.name,
    source: "local",
    languages: CHAT_MODEL.languages,
    generate: (messages, options) => llm.chat(messages, options),
    continueText: (prefix, options) => llm.continueText(prefix, options),
    nextTokens: (prefix, k, options) => llm.nextTokens(prefix, k, options),
    warmUp: async () => {
      await llm.load();
    },
    scoreContinuations: (prefix, continuations, options) => llm.scoreContinuations(prefix, continuations, options),
    dispose: () => llm.dispose(),
  };
}

const globalForChat = globalThis as unknown as { jielongChat?: TChatModel | null };

/** This process's chat model, or null when none is installed or configured */
export function chatModel(env: NodeJS.ProcessEnv = process.env): TChatModel | null {
  if (globalForChat.jielongChat !== undefined) return globalForChat.jielongChat;
  let found: TChatModel | null = null;
  if (env.LLM_BASE_URL && env.LLM_MODEL) {
    const languages = (env.LLM_LANGUAGES ?? "zh-TW,en").split(",").map((l) => l.trim()).filter((l): l is TLanguage => l === "zh-TW" || l === "en");
    found = remoteChat(env.LLM_BASE_URL, env.LLM_MODEL, env.LLM_API_KEY, Number(env.LLM_TIMEOUT_MS) || 60_000, languages);
  } else if (env.JIELONG_MODELS !== "off") {
    const dir = installedModel(CHAT_MODEL, env);
    if (dir) found = localChat(dir);
  }
  globalForChat.jielongChat = found;
  return found;
}

/** For tests: forget the chosen model, so the next call looks again */
export function resetChatModel(): void {
  globalForChat.jielongChat = undefined;
}
