import { readEnv } from "@/lib/core/env";
import { startGrading } from "@/lib/grading/worker";

// npm run worker: the grading workers on their own, for production (run the app with
// JIELONG_WORKER=external). Needs DATABASE_URL: the app's own database.
const env = readEnv();
if (!env.DATABASE_URL) {
  console.error("worker: DATABASE_URL is not set. Point it at the app's PostgreSQL database.");
  process.exit(2);
}
const stop = await startGrading(env.GRADING_CONCURRENCY);
console.log(`✔ grading worker running (${env.GRADING_CONCURRENCY} at once, ${env.LLM_BASE_URL ? `model ${env.LLM_MODEL} at ${env.LLM_BASE_URL}` : "built-in grader"})`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("worker: finishing the jobs in hand…");
    stop().then(() => process.exit(0), () => process.exit(1));
  });
}
