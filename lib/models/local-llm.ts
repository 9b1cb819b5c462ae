import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel, Token, TokenBias } from "node-llama-cpp";

// A small instruct model run in this process by node-llama-cpp (its prebuilt CPU binary; never
// built or downloaded at run time). One context sequence is shared, one generation at a time; a
// new prompt reuses the longest prefix already evaluated (the same question's instructions), so
// only what differs is read again. Every generated token comes with the model's real top-k
// candidates and probabilities. For zh-TW, tokens that exist only in Simplified Chinese are
// banned while sampling (found once by OpenCC's cn→tw conversion), so the model writes Traditional.

export type TChatMessage = { role: "system" | "user" | "assistant"; content: string };
export type TTokenOut = { text: string; candidates: { token: string; probability: number }[] };
export type TGenerateOptions = {
  maxTokens?: number;
  temperature?: number;
  topK?: number;
  traditionalOnly?: boolean;
  seed?: number;
  signal?: AbortSignal;
  /** Which of the context's sequences to use: each keeps its own evaluated prefix (e.g. one per language) */
  slot?: number;
  /**
   * Read the whole prompt again instead of reusing what the sequence already holds. Reuse changes
   * how the prompt is split into batches, and with it the last bits of the logits: near-ties can
   * then go either way, so the same temperature-0 request could write two different texts.
   */
  fresh?: boolean;
};

/** Each continuation's probability, in the order given, and the model's own likeliest next tokens */
export type TContinuationScores = { probabilities: number[]; top: { token: string; probability: number }[] };

export const SLOTS = 3;

type TLoaded = { llama: Llama; model: LlamaModel; context: LlamaContext; sequences: LlamaContextSequence[]; traditional: TokenBias | null };

export class LocalLlm {
  private loaded: Promise<TLoaded> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly modelPath: string,
    readonly name: string,
    private readonly options: { contextSize?: number; threads?: number } = {},
  ) {}

  /** Loads the model once; later calls share it */
  load(): Promise<TLoaded> {
    this.loaded ??= (async () => {
      const { getLlama, TokenBias } = await import("node-llama-cpp");
      const llama = await getLlama({ gpu: false, build: "never", progressLogs: false, logLevel: "error" as never });
      // Read into memory rather than mapped: llama.cpp repacks the Q4_K weights for AVX2 on load, and
      // with the file mapped both the mapped pages and the repacked copy stayed resident (2.0 GB
      // against 1.4 GB, at the same speed; scripts/bench/models.ts)
      const model = await llama.loadModel({ modelPath: this.modelPath, useMmap: false });
      const context = await model.createContext({ contextSize: this.options.contextSize ?? 4096, threads: this.options.threads ?? 2, sequences: SLOTS });
      const sequences = Array.from({ length: SLOTS }, () => context.getSequence());
      let traditional: TokenBias | null = null;
      const OpenCC = await import("opencc-js");
      const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
      traditional = new TokenBias(model.tokenizer);
      const size = model.fileInfo.metadata.tokenizer.ggml.tokens.length;
      for (let token = 0; token < size; token++) {
        const text = model.detokenize([token as Token]);
        // Byte pieces of a character (they decode to U+FFFD alone) are banned too: otherwise the
        // model spells a banned Simplified character byte by byte
        if ((/\p{Script=Han}/u.test(text) && toTraditional(text) !== text) || text.includes("\uFFFD")) traditional.set(token as Token, "never");
      }
      return { llama, model, context, sequences, traditional };
    })();
    this.loaded.catch(() => {
      this.loaded = null;
    });
    return this.loaded;
  }

  /** Runs one job at a time on the shared sequence */
  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A chat reply, token by token, each with the model's top-k candidates */
  async *chat(messages: TChatMessage[], options: TGenerateOptions = {}): AsyncGenerator<TTokenOut> {
    const { model } = await this.load();
    const { resolveChatWrapper } = await import("node-llama-cpp");
    const wrapper = resolveChatWrapper(model);
    const history = [
      ...messages.map((m) => (m.role === "assistant" ? { type: "model" as const, response: [m.content] } : { type: m.role, text: m.content })),
      { type: "model" as const, response: [] as string[] },
    ];
    const { contextText } = wrapper.generateContextState({ chatHistory: history });
    yield* this.generateFrom(contextText.tokenize(model.tokenizer), options);
  }

  /** Continues raw text (no chat template): the lecture's word chain */
  async *continueText(prefix: string, options: TGenerateOptions = {}): AsyncGenerator<TTokenOut> {
    const { model } = await this.load();
    const bos = model.tokens.shouldPrependBosToken && model.tokens.bos != null ? [model.tokens.bos] : [];
    // Fresh every time: the word chain at temperature 0 writes the same text for the same beginning
    yield* this.generateFrom([...bos, ...model.tokenize(prefix)], { slot: 2, fresh: true, ...options });
  }

  /** The k most likely next tokens after `prefix`, with their probabilities */
  async nextTokens(prefix: string, k: number, options: { traditionalOnly?: boolean } = {}): Promise<{ token: string; probability: number }[]> {
    for await (const step of this.continueText(prefix, { maxTokens: 1, temperature: 0, topK: k, traditionalOnly: options.traditionalOnly })) return step.candidates;
    return [];
  }

  /**
   * The probability of each continuation right after `prefix` (a product over its tokens, each read
   * with the ones before it forced), and the model's own `top` likeliest next tokens. The raw
   * distribution: nothing banned, no penalty. Runs on the word chain's slot. The distribution after
   * each distinct token prefix is read once, so single-token candidates cost nothing beyond the first.
   */
  scoreContinuations(prefix: string, continuations: string[], options: { top?: number } = {}): Promise<TContinuationScores> {
    return this.exclusive(async () => {
      const { model, sequences } = await this.load();
      const sequence = sequences[2]!;
      const bos = model.tokens.shouldPrependBosToken && model.tokens.bos != null ? [model.tokens.bos] : [];
      const prompt = [...bos, ...model.tokenize(prefix)];
      if (prompt.length === 0) throw new Error("scoreContinuations needs a non-empty prefix");
      const read = new Map<string, Map<Token, number>>();
      // The next-token distribution after `tokens`: keeps what is evaluated, forces what differs
      const distributionAfter = async (tokens: Token[]): Promise<Map<Token, number>> => {
        const key = tokens.join(",");
        const known = read.get(key);
        if (known) return known;
        await sequence.adaptStateToTokens(tokens.slice(0, -1), false);
        const steps = sequence.evaluateWithMetadata(tokens.slice(sequence.nextTokenIndex), { probabilities: true }, { temperature: 0 });
        try {
          const step = await steps.next();
          if (step.done) throw new Error("the model returned no distribution");
          read.set(key, step.value.probabilities);
          return step.value.probabilities;
        } finally {
          await steps.return();
        }
      };
      const probabilities: number[] = [];
      for (const continuation of continuations) {
        const tokens = model.tokenize(continuation);
        let probability = 1;
        for (let i = 0; i < tokens.length && probability > 0; i++) probability *= (await distributionAfter([...prompt, ...tokens.slice(0, i)])).get(tokens[i]!) ?? 0;
        probabilities.push(probability);
      }
      const top: { token: string; probability: number }[] = [];
      for (const [token, probability] of await distributionAfter(prompt)) {
        if (top.length >= (options.top ?? 5)) break;
        top.push({ token: model.detokenize([token], true), probability });
      }
      return { probabilities, top };
    });
  }

  /** Frees the model's memory once the jobs queued before it are done; a later call loads it again */
  dispose(): Promise<void> {
    return this.exclusive(async () => {
      const loaded = this.loaded;
      this.loaded = null;
      if (!loaded) return;
      // The Llama binding itself is shared by the process (getLlama), so it stays
      const { model, context } = await loaded;
      await context.dispose();
      await model.dispose();
    });
  }

  private generateFrom(prompt: Token[], options: TGenerateOptions): AsyncGenerator<TTokenOut> {
    // An async generator that holds the sequence for as long as it is being read
    const load = () => this.load();
    const { maxTokens = 200, temperature = 0, topK = 5 } = options;
    const out: TTokenOut[] = [];
    let wake: (() => void) | null = null;
    let finished = false;
    let stopped = false;
    let failure: unknown = null;
    const push = (item: TTokenOut) => {
      out.push(item);
      wake?.();
    };
    const job = this.exclusive(async () => {
      const { model, sequences, traditional } = await load();
      const sequence = sequences[Math.min(SLOTS - 1, Math.max(0, options.slot ?? 0))]!;
      // Keep what is already evaluated of this prompt; read only what differs (at least one token)
      if (options.fresh) await sequence.clearHistory();
      else await sequence.adaptStateToTokens(prompt.slice(0, -1), false);
      const fresh = prompt.slice(sequence.nextTokenIndex);
      const generated: Token[] = [];
      let shown = "";
      try {
        const steps = sequence.evaluateWithMetadata(fresh, { probabilities: true }, {
          temperature,
          seed: options.seed,
          ...(options.traditionalOnly && traditional ? { tokenBias: traditional } : {}),
          repeatPenalty: { punishTokens: () => generated, penalty: 1.1 },
        });
        for await (const step of steps) {
          if (options.signal?.aborted || stopped) break;
          generated.push(step.token);
          const candidates: { token: string; probability: number }[] = [];
          for (const [token, probability] of step.probabilities) {
            if (candidates.length >= topK) break;
            candidates.push({ token: model.detokenize([token], true), probability });
          }
          // A Chinese character can span two tokens: text is released once it decodes whole
          const text = model.detokenize(generated);
          const delta = text.endsWith("\uFFFD") ? "" : text.slice(shown.length);
          if (delta || text.endsWith("\uFFFD")) {
            if (delta) shown = text;
            push({ text: delta, candidates });
          }
          if (generated.length >= maxTokens) break;
        }
      } catch (error) {
        failure = error;
      } finally {
        finished = true;
        wake?.();
      }
    });
    return (async function* () {
      let index = 0;
      try {
        while (true) {
          if (index < out.length) {
            const item = out[index++]!;
            if (item.text) yield item;
            continue;
          }
          if (finished) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
      } finally {
        // A reader that stops early stops the generation too
        stopped = true;
        await job;
      }
      if (failure) throw failure;
    })();
  }
}
