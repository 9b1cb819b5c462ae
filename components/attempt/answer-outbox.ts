import type { TAnswer } from "@/lib/quiz/schema";

// Answers the server has not acknowledged yet, kept in this browser's localStorage: the write
// is synchronous, so an answer is on the device before anything else happens (a reload, a
// crash, a lost connection). One record per attempt; it is removed after submitting.

export type TPendingAnswer = { answer: TAnswer; seq: number };
export type TOutboxRecord = { pending: Record<string, TPendingAnswer>; lastSeq: number };

const key = (attemptId: string) => `jielong:outbox:${attemptId}`;

export function readOutbox(attemptId: string): TOutboxRecord | null {
  try {
    const raw = window.localStorage.getItem(key(attemptId));
    return raw ? (JSON.parse(raw) as TOutboxRecord) : null;
  } catch {
    return null;
  }
}

/** False when the browser refused to store it (private mode, storage full). */
export function writeOutbox(attemptId: string, record: TOutboxRecord): boolean {
  try {
    window.localStorage.setItem(key(attemptId), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

export function clearOutbox(attemptId: string): void {
  try {
    window.localStorage.removeItem(key(attemptId));
  } catch {
    // Nothing to clear.
  }
}
