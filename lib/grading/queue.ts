import "server-only";
import PgBoss from "pg-boss";

import { db } from "@/lib/core/db";
import { listen, notify } from "@/lib/core/pg-listen";

// Grading runs as jobs in a PostgreSQL-backed queue (pg-boss): in the app process in demo mode,
// in `npm run worker` in production (JIELONG_WORKER=external). A job only carries a round's id;
// the round row holds the state, and a lease on it keeps two workers from running it at once.

export const GRADING_QUEUE = "grade-open-answer";
const WAKE_CHANNEL = "jielong_grading_jobs";

const globalForQueue = globalThis as unknown as { jielongBoss?: Promise<PgBoss> };

function boss(): Promise<PgBoss> {
  globalForQueue.jielongBoss ??= (async () => {
    const instance = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: "pgboss", max: 4, application_name: "jielong-queue" });
    instance.on("error", (error: Error) => console.error("Grading queue:", error.message));
    await instance.start();
    await instance.createQueue(GRADING_QUEUE, { name: GRADING_QUEUE, retryLimit: 6, retryDelay: 2, retryBackoff: true, expireInSeconds: 600 });
    return instance;
  })().catch((error: unknown) => {
    globalForQueue.jielongBoss = undefined;
    throw error;
  });
  return globalForQueue.jielongBoss;
}

/** Queues the grading of rounds already stored, and wakes the workers at once. */
export async function enqueueRounds(roundIds: string[]): Promise<void> {
  if (roundIds.length === 0) return;
  const queue = await boss();
  await queue.insert(roundIds.map((roundId) => ({ name: GRADING_QUEUE, data: { roundId } })));
  await notify(db, WAKE_CHANNEL, "");
}

/**
 * Queues rounds without failing the request that stored them: if the queue is unreachable the
 * rounds stay stored, and the workers' sweep (`requeueStaleRounds`) queues them later.
 */
export async function enqueueRoundsSafely(roundIds: string[]): Promise<void> {
  try {
    await enqueueRounds(roundIds);
  } catch (error) {
    console.error(`Grading queue unreachable; ${roundIds.length} round(s) will be queued by the sweep:`, error instanceof Error ? error.message : error);
  }
}

/**
 * Starts `concurrency` workers in this process. Each takes one job at a time; a notification
 * wakes them all, and they also poll every 2 s.
 */
export async function startGradingWorkers(concurrency: number, run: (roundId: string) => Promise<void>): Promise<() => Promise<void>> {
  const queue = await boss();
  const ids: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    ids.push(
      await queue.work<{ roundId: string }>(GRADING_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => {
        if (job) await run(job.data.roundId);
      }),
    );
  }
  const unlisten = await listen(WAKE_CHANNEL, () => ids.forEach((id) => queue.notifyWorker(id)));
  return async () => {
    unlisten();
    await queue.stop({ graceful: true, wait: true, timeout: 10_000 });
    globalForQueue.jielongBoss = undefined;
  };
}
