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
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // the browser has gone; the loop ends at the abort
        }
      };
      let last = afterSeq;
      let lastSent = Date.now();
      // Events go out in order, each once: whether they come from a notification or a query
      const deliver = (seq: number, event: unknown): boolean => {
        if (seq <= last) return true;
        if (seq !== last + 1) return false;
        send(`id: ${seq}\ndata: ${JSON.stringify(event)}\n\n`);
        last = seq;
        lastSent = Date.now();
        return true;
      };
      const unlisten = await listen(FEEDBACK_CHANNEL, (payload) => {
        if (payload === roundId) return nudge();
        // Other rounds' notifications are skipped without parsing them
        if (!payload.startsWith(`{"roundId":${JSON.stringify(roundId)},`)) return;
        const note = JSON.parse(payload) as { roundId: string; firstSeq: number; events?: unknown[] };
        // The notification carries the new events: pass them on without reading them back
        const inOrder = note.events?.every((event, i) => deliver(note.firstSeq + i, event)) ?? false;
        if (!inOrder) nudge();
      });
      signal.addEventListener("abort", nudge);
      let lastStatus = "";
      send("retry: 1000\n\n");
      try {
        while (!signal.aborted) {
          dirty = false;
          const events = await findEventsAfter(roundId, last);
          for (const { seq, event } of events) deliver(seq, event);
          if (events.length === 500) continue;
          const state = await findRoundState(roundId);
          if (!state) break;
          if (state.status === "DONE" || state.status === "FAILED") {
            // Events are all written before the status changes: one more read and the stream is complete
            for (const { seq, event } of await findEventsAfter(roundId, last)) deliver(seq, event);
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
