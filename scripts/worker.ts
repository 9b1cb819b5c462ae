import { loadContent } from "@/lib/content/load-content";
import { computeNextTokenProbabilities, describeComputeReport } from "@/lib/content/next-token-probabilities";
import { db } from "@/lib/core/db";
import { readEnv } from "@/lib/core/env";
import { describeGrader } from "@/lib/grading/pick-grader";
import { startGrading } from "@/lib/grading/worker";
import { chatModel } from "@/lib/models/chat";
import { startPlaygroundServer } from "@/lib/playground/model-server";

// npm run worker: the grading workers in a process of their own. `npm start` runs one beside the
// web server (JIELONG_WORKER=inline, the default); in production run as many as needed and start
// the app with JIELONG_WORKER=external. Needs DATABASE_URL: the app's own database.
// Started by `npm start`, it also holds the local model for the web server: the word chain is
// served on loopback (JIELONG_PLAYGROUND_PORT, with JIELONG_WORKER_KEY), and the next-token
// questions' probabilities are computed once the model is warm (JIELONG_COMPUTE_PROBABILITIES=1).
const env = readEnv();
if (!env.DATABASE_URL) {
  console.error("worker: DATABASE_URL is not set. Point it at the app's PostgreSQL database.");
  process.exit(2);
}
const stops: (() => Promise<void>)[] = [await startGrading(env.GRADING_CONCURRENCY)];
console.log(`▸ Grading worker running: ${describeGrader()}, ${env.GRADING_CONCURRENCY} at once`);

const model = chatModel();
const port = Number(process.env.JIELONG_PLAYGROUND_PORT);
if (model?.continueText && port && process.env.JIELONG_WORKER_KEY) {
  stops.push(await startPlaygroundServer({ model, port, key: process.env.JIELONG_WORKER_KEY }));
}
if (process.env.JIELONG_COMPUTE_PROBABILITIES === "1") {
  // In the background, after the model's warm-up (it queues behind it): the page shows the
  // illustrative numbers until these are stored
  void (async () => {
    try {
      console.log(`▸ ${describeComputeReport(await computeNextTokenProbabilities(db, await loadContent(), model))}`);
    } catch (error) {
      console.log(`▸ Next-token probabilities: not computed (${(error as Error).message.split("\n")[0]}); the illustrative numbers are shown`);
    }
  })();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("worker: finishing the jobs in hand…");
    Promise.all(stops.map((stop) => stop())).then(() => process.exit(0), () => process.exit(1));
  });
}
