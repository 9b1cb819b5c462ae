import "server-only";
import { listen } from "@/lib/core/pg-listen";

import { findEventsAfter, findRoundState } from "./data";
import { FEEDBACK_CHANNEL } from "./mutations";
import type { TStreamEnd } from "./stream-events";

// A round's events as server-sent events. Each carries its `seq` as the event id, so a browser
// that reconnects (EventSource sends Last-Event-ID by itself) gets only what it has not seen.
// New events are announced by NOTIFY from whichever process writes them; a slow poll covers a
// notification lost while the listening connection reconnects.

const POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;

export function streamRound(roundId: string, afterSeq: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let dirty = true;
  let wake: (() => void) | null = null;
  const nudge = () => {
    dirty = true;
    wake?.();
  };
  return new ReadableStream({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const unlisten = await listen(FEEDBACK_CHANNEL, (payload) => {
        if (payload === roundId) nudge();
      });
      signal.addEventListener("abort", nudge);
      let last = afterSeq;
      let lastSent = Date.now();
      let lastStatus = "";
      send("retry: 1000\n\n");
      try {
        while (!signal.aborted) {
          dirty = false;
          const events = await findEventsAfter(roundId, last);
          for (const { seq, event } of events) {
            send(`id: ${seq}\ndata: ${JSON.stringify(event)}\n\n`);
            last = seq;
          }
          if (events.length > 0) lastSent = Date.now();
          if (events.length === 500) continue;
          const state = await findRoundState(roundId);
          if (!state) break;
          if (state.status === "DONE" || state.status === "FAILED") {
            // Events are all written before the status changes: one more read and the stream is complete
            const rest = await findEventsAfter(roundId, last);
            for (const { seq, event } of rest) send(`id: ${seq}\ndata: ${JSON.stringify(event)}\n\n`);
            const end: TStreamEnd = { status: state.status, score: state.score, maxScore: state.maxScore };
            send(`event: end\ndata: ${JSON.stringify(end)}\n\n`);
            break;
          }
          // Queued, being written, or waiting to be tried again: the student sees which
          const status = `${state.status}:${state.tries}`;
          if (status !== lastStatus || Date.now() - lastSent > HEARTBEAT_MS) {
            send(`event: status\ndata: ${JSON.stringify({ status: state.status, tries: state.tries })}\n\n`);
            lastSent = Date.now();
            lastStatus = status;
          }
          if (!dirty) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, POLL_MS);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = null;
          }
        }
      } catch (error) {
        if (!signal.aborted) console.error("Feedback stream failed:", error instanceof Error ? error.message : error);
      } finally {
        unlisten();
        signal.removeEventListener("abort", nudge);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      }
    },
  });
}
