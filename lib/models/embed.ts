import OpenAI from "openai";

import { E5Engine, type TEmbedKind } from "./e5-engine";
import { installedModel } from "./installed";
import { EMBEDDINGS_MODEL } from "./manifest";

// embed(texts): sentence vectors from the installed multilingual-e5-small, or from any
// OpenAI-compatible embeddings server (EMBEDDINGS_BASE_URL + EMBEDDINGS_MODEL), which wins when set.

export type { TEmbedKind };
export type TEmbedder = { name: string; source: "local" | "remote"; embed(texts: string[], kind: TEmbedKind): Promise<Float32Array[]> };

function remoteEmbedder(baseURL: string, model: string, apiKey?: string): TEmbedder {
  const client = new OpenAI({ baseURL, apiKey: apiKey || "not-needed", timeout: 30_000, maxRetries: 2 });
  return {
    name: model,
    source: "remote",
    async embed(texts) {
      if (texts.length === 0) return [];
      const response = await client.embeddings.create({ model, input: texts, encoding_format: "float" });
      return response.data
        .sort((a, b) => a.index - b.index)
        .map((d) => {
          const v = Float32Array.from(d.embedding);
          const norm = Math.hypot(...v) || 1;
          return v.map((x) => x / norm);
        });
    },
  };
}

const globalForEmbed = globalThis as unknown as { jielongEmbedder?: TEmbedder | null };

/** This process's embedder, or null when none is installed or configured */
export function embedder(env: NodeJS.ProcessEnv = process.env): TEmbedder | null {
  if (globalForEmbed.jielongEmbedder !== undefined) return globalForEmbed.jielongEmbedder;
  let found: TEmbedder | null = null;
  if (env.EMBEDDINGS_BASE_URL && env.EMBEDDINGS_MODEL) {
    found = remoteEmbedder(env.EMBEDDINGS_BASE_URL, env.EMBEDDINGS_MODEL, env.EMBEDDINGS_API_KEY);
  } else if (env.JIELONG_MODELS !== "off") {
    const dir = installedModel(EMBEDDINGS_MODEL, env);
    if (dir) {
      const engine = new E5Engine(dir);
      found = { name: EMBEDDINGS_MODEL.id, source: "local", embed: (texts, kind) => engine.embed(texts, kind) };
    }
  }
  globalForEmbed.jielongEmbedder = found;
  return found;
}

/** For tests: forget the chosen embedder, so the next call looks again */
export function resetEmbedder(): void {
  globalForEmbed.jielongEmbedder = undefined;
}

// Rubric texts come back answer after answer: each is embedded once per process
const cache = new Map<string, Float32Array>();
const CACHE_LIMIT = 20_000;

/** Vectors for `texts`, embedding only those not seen before */
export async function embedCached(model: TEmbedder, texts: string[], kind: TEmbedKind): Promise<Float32Array[]> {
  const key = (t: string) => `${model.name}\u0000${kind}\u0000${t}`;
  const missing = [...new Set(texts.filter((t) => !cache.has(key(t))))];
  if (missing.length) {
    const vectors = await model.embed(missing, kind);
    if (cache.size + missing.length > CACHE_LIMIT) cache.clear();
    missing.forEach((t, i) => cache.set(key(t), vectors[i]!));
  }
  return texts.map((t) => cache.get(key(t))!);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
