import "server-only";

import type { TChatModel } from "@/lib/models/chat";

import { continuePrefix, randomSeed } from "./continue-prefix";
import type { TPlaygroundLine, TPlaygroundRequest } from "./schema";

// A generation as newline-delimited JSON, one line per token as the model writes it. It stops when
// the browser goes away (the request's signal, or the stream being cancelled), after two minutes
// waiting for a busy model, or after a minute of writing, and gives its limiter slot back however
// it ends.

const WAIT_LIMIT_MS = 120_000;
const TIME_LIMIT_MS = 60_000;

export type TStreamOptions = { model: TChatModel; request: TPlaygroundRequest; traditionalOnly: boolean; signal: AbortSignal; release: () => void };

export function playgroundStream({ model, request, traditionalOnly, signal, release }: TStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  let timer = setTimeout(() => stop.abort(new Error("timeout")), WAIT_LIMIT_MS);
  const onAbort = () => stop.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  const finish = () => {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
    release();
  };
  const seed = request.seed ?? randomSeed();
  return new ReadableStream({
    async start(controller) {
      const send = (line: TPlaygroundLine) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // the browser has gone; the abort ends the loop
        }
      };
      send({ type: "start", model: model.name, source: model.source, temperature: request.temperature, seed });
      let steps = 0;
      try {
        for await (const step of continuePrefix(model, { request, seed, traditionalOnly, signal: stop.signal })) {
          if (stop.signal.aborted) break;
          if (steps === 0) {
            // The model is ours now: the writing itself gets a minute
            clearTimeout(timer);
            timer = setTimeout(() => stop.abort(new Error("timeout")), TIME_LIMIT_MS);
          }
          send({ type: "step", ...step });
          steps++;
        }
        if (signal.aborted) return;
        if (stop.signal.aborted) send({ type: "error", code: "timeout" });
        else send({ type: "end", steps });
      } catch (error) {
        if (!signal.aborted) {
          console.error("playground generation failed", error);
          send({ type: "error", code: "unexpected" });
        }
      } finally {
        finish();
        try {
          controller.close();
        } catch {
          // already cancelled
        }
      }
    },
    cancel() {
      stop.abort(new Error("cancelled"));
    },
  });
}
