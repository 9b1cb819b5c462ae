import "server-only";
import { db } from "@/lib/core/db";

import { chatModel } from "@/lib/models/chat";

import { primeFeedbackWriter } from "./feedback-writer";
import { findStaleRounds } from "./mutations";
import { enqueueRounds, startGradingWorkers } from "./queue";
import { runRound } from "./run-round";
import type { TGrader } from "./schema";

const SWEEP_MS = 5000;
const globalForWorker = globalThis as unknown as { jielongGrading?: Promise<() => Promise<void>> };

/** Starts this process's grading workers and the sweep that re-queues stranded rounds; once per process. */
export function startGrading(concurrency: number, options: { grader?: TGrader } = {}): Promise<() => Promise<void>> {
  globalForWorker.jielongGrading ??= (async () => {
    // A local model is loaded before the first answer arrives, not while a student waits
    const model = chatModel();
    model
      ?.warmUp()
      .then(() => (model.source === "local" ? primeFeedbackWriter(model) : undefined))
      .catch((error: unknown) => console.error("The local language model could not be loaded; feedback will be composed from the rubric:", error instanceof Error ? error.message : error));
    const stopWorkers = await startGradingWorkers(concurrency, (roundId) => runRound(db, roundId, options));
    let sweeping = false;
    const sweep = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      findStaleRounds(db)
        .then((ids) => enqueueRounds(ids))
        .catch((error: unknown) => console.error("Grading sweep failed; retrying:", error instanceof Error ? error.message : error))
        .finally(() => {
          sweeping = false;
        });
    }, SWEEP_MS);
    sweep.unref();
    return async () => {
      clearInterval(sweep);
      await stopWorkers();
      globalForWorker.jielongGrading = undefined;
    };
  })().catch((error: unknown) => {
    globalForWorker.jielongGrading = undefined;
    throw error;
  });
  return globalForWorker.jielongGrading;
}
