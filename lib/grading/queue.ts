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
    const instance = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: "pgboss", max: 8, application_name: "jielong-queue" });
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
  // The wake-up names the rounds, so that an idle worker can start on one at once (see below)
  const named = roundIds.join(",");
  await notify(db, WAKE_CHANNEL, named.length < 7000 ? named : String(roundIds.length));
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
  let running = 0;
  const tracked = async (roundId: string) => {
    running += 1;
    try {
      await run(roundId);
    } finally {
      running -= 1;
    }
  };
  const ids: string[] = [];
  for (let i = 0; i < concurrency; i++) {
    ids.push(
      await queue.work<{ roundId: string }>(GRADING_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => {
        if (job) await tracked(job.data.roundId);
      }),
    );
  }
  // The fast path: a wake-up that names its rounds is acted on at once while this process has room,
  // without waiting for a worker to fetch the job. The job stays queued all the same, so nothing is
  // lost if this process dies; when its turn comes it finds the round taken or done (a round runs
  // only where `claimRound` succeeds) and ends at once.
  let next = 0;
  const unlisten = await listen(WAKE_CHANNEL, (payload) => {
    const named = payload.includes(",") || /^[a-z0-9]{20,}$/u.test(payload) ? payload.split(",") : [];
    let waiting = named.length || Math.max(1, Number(payload) || 1);
    for (const roundId of named) {
      if (running >= concurrency) break;
      waiting -= 1;
      tracked(roundId).catch(() => undefined); // a failed round was released; its queued job retries it
    }
    // The rest: workers fetch them as soon as they are free
    for (let i = 0; i < Math.min(waiting, ids.length); i++) queue.notifyWorker(ids[next++ % ids.length]!);
  });
  return async () => {
    unlisten();
    await queue.stop({ graceful: true, wait: true, timeout: 10_000 });
    globalForQueue.jielongBoss = undefined;
  };
}

/** Stops this process's connection to the queue (benchmarks and scripts, before their database goes). */
export async function stopQueue(): Promise<void> {
  const instance = globalForQueue.jielongBoss;
  globalForQueue.jielongBoss = undefined;
  if (instance) await (await instance).stop({ graceful: false, wait: true, timeout: 5000 });
}
