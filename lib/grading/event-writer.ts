import "server-only";
import type { TDb } from "@/lib/core/db";

import { appendEvents } from "./mutations";
import type { TStreamEvent } from "./stream-events";

// Persists a round's events as they stream: the first token at once (the student is waiting for
// it), then in small batches, so that 50 gradings in flight do not mean 50 writes per token.

const BATCH_MS = 100;
const BATCH_SIZE = 32;

export class EventWriter {
  private buffer: TStreamEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private sawToken = false;
  private failure: unknown = null;

  constructor(
    private readonly db: TDb,
    private readonly roundId: string,
    private nextSeq: number,
  ) {}

  push(event: TStreamEvent): void {
    this.buffer.push(event);
    const firstToken = event.type === "token" && !this.sawToken;
    if (event.type === "token") this.sawToken = true;
    if (firstToken || this.buffer.length >= BATCH_SIZE) this.schedule(0);
    else this.schedule(BATCH_MS);
  }

  private schedule(delay: number) {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write();
    }, delay);
  }

  private write() {
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return;
    const first = this.nextSeq;
    this.nextSeq += batch.length;
    // After a failed write nothing more is written: a gap in `seq` would lose tokens
    this.chain = this.chain.then(() => (this.failure ? undefined : appendEvents(this.db, this.roundId, first, batch))).catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  /** Writes what is left; throws if any write failed, so the job is retried. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.write();
    await this.chain;
    if (this.failure) throw this.failure;
  }
}
