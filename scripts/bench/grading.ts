import { startAttempt, requestFeedback } from "@/lib/attempt/mutations";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createBuiltinGrader } from "@/lib/grading/builtin-grader";
import { createOpenAIGrader } from "@/lib/grading/openai-grader";
import { enqueueRounds, stopQueue } from "@/lib/grading/queue";
import { startGrading } from "@/lib/grading/worker";
import { streamRound } from "@/lib/grading/sse-stream";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";
import { ms, startBenchDatabase, summarise } from "./harness";

// `npm run bench:grading [-- --in-flight N --rounds R --llm-delay-ms D --inline]`: time to the first feedback token
// with N gradings in flight (default 50), through the real pipeline: the round stored, a pg-boss
// job, a worker, events persisted and announced by NOTIFY, read by the SSE stream. First with the
// built-in grader at its reading pace, then with the OpenAI-compatible grader against the test
// server answering each call after D ms (default 200): a first token needs two calls (verdicts,
// then the feedback stream), so 2·D of the wait is the server's own.

const arg = (name: string, fallback: number) => Number(process.argv.find((_, i, all) => all[i - 1] === `--${name}`) ?? fallback);
const inFlight = arg("in-flight", 50);
const llmDelay = arg("llm-delay-ms", 200);
const rounds = arg("rounds", 4);
/** Demo mode: the workers in this same process (JIELONG_WORKER=inline) instead of `npm run worker` */
const inline = process.argv.includes("--inline");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ANSWER = "A spam filter picks one of two fixed labels, so it is classification; a poem is new text with too many versions to list.";

/** Starts a child process and waits for the line that says it is ready; returns that line. */
async function startChild(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  for await (const line of createInterface({ input: child.stdout! })) {
    if (ready.test(line)) return { child, line };
  }
  throw new Error(`${args[0]} exited before it was ready`);
}
async function stopChild(child: ChildProcess) {
  child.kill("SIGTERM");
  if (child.exitCode === null) await once(child, "exit");
}

const bench = await startBenchDatabase("grading");
// The test model runs in its own process, as a real model server would
const llm = await startChild(["lib/grading/testing/test-llm-server-cli.ts", "--delay-ms", String(llmDelay)], {}, /^test-llm-server /u);
const llmUrl = llm.line.split(" ")[1]!;
try {
  const { db } = bench;
  await syncContent(db, await loadContent());
  await seedDemo(db);
  const assignmentId = demoAssignmentId("02-what-generative-ai-is");
  const assignment = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  const question = await db.question.findFirstOrThrow({ where: { quizVersionId: assignment.quizVersionId, type: "OPEN" } });

  // The grading workers run as in production: `npm run worker`, a process of its own
  async function phase(label: string, env: Record<string, string>) {
    const stopInline = inline
      ? await startGrading(inFlight, { grader: env.LLM_BASE_URL ? createOpenAIGrader({ baseURL: env.LLM_BASE_URL, model: env.LLM_MODEL!, timeoutMs: 30_000 }) : createBuiltinGrader({ paceMs: 15 }) })
      : null;
    const worker = inline ? null : await startChild(["scripts/worker.ts"], { DATABASE_URL: bench.url, GRADING_CONCURRENCY: String(inFlight), ...env }, /grading worker running/u);
    const students = await Promise.all(
      Array.from({ length: inFlight }, async (_, i) => {
        const user = await db.user.create({ data: { email: `${label}-${i}-${Date.now()}@bench.example`, name: `Bench ${i}` } });
        await db.enrollment.create({ data: { classId: assignment.classId, userId: user.id, role: "STUDENT" } });
        const { attemptId } = await startAttempt(db, { userId: user.id, assignment: { id: assignmentId, opensAt: null, closesAt: null, timeLimitMinutes: null, attemptsAllowed: null, quizVersionId: assignment.quizVersionId } });
        return { userId: user.id, attemptId };
      }),
    );
    const firstToken: number[] = [];
    const stored: number[] = [];
    const queued: number[] = [];
    const complete: number[] = [];
    let errors = 0;
    // A closed loop: each student asks, reads the feedback to the end, then revises and asks again,
    // so that about N gradings are in flight all the time. Starts are spread over the first second.
    await Promise.all(
      students.map(async ({ userId, attemptId }, index) => {
        await sleep((index / students.length) * 1000);
        for (let round = 1; round <= rounds; round++) {
          const started = performance.now();
          try {
            const text = `${ANSWER}${round > 1 ? ` Revision ${round}.` : ""}`;
            const { roundId } = await requestFeedback(db, { attemptId, userId, locale: "en", save: { questionId: question.id, answer: { type: "open", text }, seq: round } });
            stored.push(performance.now() - started);
            await enqueueRounds([roundId]);
            queued.push(performance.now() - started);
            const reader = streamRound(roundId, 0, new AbortController().signal).getReader();
            const decoder = new TextDecoder();
            // Only the newest piece is searched (with a little of the one before, for markers cut in two)
            let tail = "";
            let seen = false;
            let end = "";
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              const piece = tail + decoder.decode(value, { stream: true });
              if (!seen && piece.includes('"type":"token"')) {
                seen = true;
                firstToken.push(performance.now() - started);
              }
              const at = piece.indexOf("event: end");
              if (at >= 0) {
                end = piece.slice(at);
                break;
              }
              tail = piece.slice(-32);
            }
            if (!end.includes('"status":"DONE"')) errors += 1;
            complete.push(performance.now() - started);
          } catch (error) {
            errors += 1;
            console.error(error instanceof Error ? error.message : error);
          }
          await sleep(Math.random() * 300);
        }
      }),
    );
    if (worker) await stopChild(worker.child);
    await stopInline?.();
    return { first: summarise(firstToken), complete: summarise(complete), stored: summarise(stored), queued: summarise(queued), errors };
  }

  const line = (name: string, s: ReturnType<typeof summarise>) => `${name.padEnd(28)} n=${String(s.n).padStart(4)}  p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  p99 ${ms(s.p99).padStart(10)}`;
  console.log(`grading benchmark: ${inFlight} students each asking for ${rounds} rounds of feedback back to back (about ${inFlight} gradings in flight); requests and streams in this process, graders ${inline ? "in this process too (demo mode)" : "in \`npm run worker\`"}, the test model in a third process; embedded PostgreSQL\n`);

  const builtin = await phase("builtin", { GRADER_PACE_MS: "15", LLM_BASE_URL: "", LLM_MODEL: "" });
  console.log("built-in grader (tokens paced 15 ms apart)");
  console.log(line("answer saved, round stored", builtin.stored));
  console.log(line("job queued", builtin.queued));
  console.log(line("time to first token", builtin.first));
  console.log(line("time to complete feedback", builtin.complete));
  console.log(`errors: ${builtin.errors}\n`);

  const model = await phase("llm", { LLM_BASE_URL: llmUrl, LLM_MODEL: "bench" });
  const own = 2 * llmDelay;
  console.log(`OpenAI-compatible grader (test server answers each call after ${llmDelay} ms; two calls before the first token)`);
  console.log(line("time to first token", model.first));
  console.log(`${"minus the server's 2 × delay".padEnd(28)} p50 ${ms(model.first.p50 - own).padStart(10)}  p95 ${ms(model.first.p95 - own).padStart(10)}  p99 ${ms(model.first.p99 - own).padStart(10)}`);
  console.log(line("time to complete feedback", model.complete));
  console.log(`errors: ${model.errors}`);
  console.log(`\ntargets: built-in first token p95 < 150 ms: ${builtin.first.p95 < 150 ? "met" : "NOT met"}; model first token minus server delay p95 < 50 ms: ${model.first.p95 - own < 50 ? "met" : "NOT met"}`);
} finally {
  await stopQueue().catch(() => undefined);
  await stopChild(llm.child);
  await bench.stop();
  process.exit(0);
}
