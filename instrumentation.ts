// Runs once when a Next.js server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOverdueSweep } = await import("./lib/attempt/overdue-sweep");
  startOverdueSweep();
  // Demo mode grades in the app process; production runs `npm run worker` (JIELONG_WORKER=external).
  // Gradings mostly wait (on a model, or on the built-in grader's reading pace), so many run at once.
  if (process.env.JIELONG_WORKER !== "external") {
    const { startGrading } = await import("./lib/grading/worker");
    const concurrency = Number(process.env.GRADING_CONCURRENCY) || 32;
    startGrading(concurrency).catch((error: unknown) => console.error("Grading workers did not start; open answers wait in the queue:", error instanceof Error ? error.message : error));
  }
}
