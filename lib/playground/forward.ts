import "server-only";
import { AppError } from "@/lib/core/errors";
import type { TPlaygroundRequest } from "./schema";

// The web server's side of lib/playground/model-server.ts: when `npm start` runs the grading worker
// (JIELONG_PLAYGROUND_URL and JIELONG_WORKER_KEY set), the word chain runs there and is streamed
// through as it comes. The caller's limiter slot is given back however the stream ends.

export function playgroundWorker(env: NodeJS.ProcessEnv = process.env): { url: string; key: string } | null {
  return env.JIELONG_PLAYGROUND_URL && env.JIELONG_WORKER_KEY ? { url: env.JIELONG_PLAYGROUND_URL, key: env.JIELONG_WORKER_KEY } : null;
}

export async function forwardToWorker(options: { worker: { url: string; key: string }; request: TPlaygroundRequest; traditionalOnly: boolean; signal: AbortSignal; release: () => void }): Promise<ReadableStream<Uint8Array>> {
  let upstream: Response;
  try {
    upstream = await fetch(`${options.worker.url}/playground`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-jielong-worker-key": options.worker.key },
      body: JSON.stringify({ request: options.request, traditionalOnly: options.traditionalOnly }),
      signal: options.signal,
    });
  } catch {
    throw new AppError("MODEL_UNAVAILABLE");
  }
  if (!upstream.ok || !upstream.body) throw new AppError("MODEL_UNAVAILABLE");
  let released = false;
  const release = () => {
    if (!released) {
      released = true;
      options.release();
    }
  };
  options.signal.addEventListener("abort", release, { once: true });
  const reader = upstream.body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
