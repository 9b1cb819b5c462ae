import { createStore, del, get, set, type UseStore } from "idb-keyval";
import type { TAnswer } from "@/lib/quiz/schema";

// Answers the server has not acknowledged yet, kept in this browser's IndexedDB so that a
// reload, a crash or a lost connection loses nothing. One record per attempt.

export type TPendingAnswer = { answer: TAnswer; seq: number };
export type TOutboxRecord = { pending: Record<string, TPendingAnswer>; lastSeq: number };

let store: UseStore | null = null;
function outboxStore(): UseStore | null {
  if (typeof indexedDB === "undefined") return null;
  store ??= createStore("jielong", "answer-outbox");
  return store;
}

export async function readOutbox(attemptId: string): Promise<TOutboxRecord | null> {
  const target = outboxStore();
  if (!target) return null;
  try {
    return ((await get(attemptId, target)) as TOutboxRecord | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Resolves once the browser has written the record (or when there is no IndexedDB to write to). */
export async function writeOutbox(attemptId: string, record: TOutboxRecord): Promise<boolean> {
  const target = outboxStore();
  if (!target) return false;
  try {
    if (Object.keys(record.pending).length === 0) await set(attemptId, { pending: {}, lastSeq: record.lastSeq }, target);
    else await set(attemptId, record, target);
    return true;
  } catch {
    return false;
  }
}

export async function clearOutbox(attemptId: string): Promise<void> {
  const target = outboxStore();
  if (target) await del(attemptId, target).catch(() => undefined);
}
