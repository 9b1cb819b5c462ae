import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { createDb } from "@/lib/core/db";
import { freePort } from "@/lib/core/free-port";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";
import { ms, summarise } from "./harness";

// `npm run bench:attempts [-- --students 2000 --saves 30 --think-ms 10000 --start-window-ms 0 --concurrency 64]`
//
// Starts Jielong as `npm start` does (its own embedded PostgreSQL in a temporary folder), then:
// 1. an exam: it opens for N students at one moment and each presses "start" within the first
//    `start-window-ms` (0: all in the same instant), autosaves `saves` answers each with random
//    think time between them, and submit; latency per endpoint, errors, throughput, and answers
//    lost (the database compared with the last answer each student sent);
// 2. capacity: `concurrency` clients autosave back to back, then the same number of the same
//    single-row upserts go straight to PostgreSQL through `pg`; the ratio of the two rates.

const arg = (name: string, fallback: number) => Number(process.argv.find((_, i, all) => all[i - 1] === `--${name}`) ?? fallback);
const STUDENTS = arg("students", 2000);
const SAVES = arg("saves", 30);
const THINK_MS = arg("think-ms", 10_000);
const CONCURRENCY = arg("concurrency", 64);
const START_WINDOW_MS = arg("start-window-ms", 0);
const CAPACITY_REQUESTS = arg("capacity-requests", 20_000);
const QUIZ = "04-one-token-at-a-time";


/** JSON with object keys sorted: PostgreSQL's jsonb keeps its own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  return JSON.stringify(value);
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

function post(port: number, url: string, cookie: string, body: unknown): Promise<{ status: number; json: { ok?: boolean; attemptId?: string; code?: string } | null }> {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const request = http.request(
      { host: "127.0.0.1", port, path: url, method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data), Cookie: cookie } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          let json = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            // counted as an error by the caller
          }
          resolve({ status: response.statusCode ?? 0, json });
        });
      },
    );
    request.on("error", () => resolve({ status: 0, json: null }));
    request.end(data);
  });
}

/** A valid answer of the question's type; `i` makes each save differ from the last. */
function answerFor(question: TQuestion, i: number): TAnswer {
  switch (question.type) {
    case "single_choice":
      return { type: "single_choice", optionId: question.options[i % question.options.length]!.id };
    case "multiple_select":
      return { type: "multiple_select", optionIds: [question.options[i % question.options.length]!.id] };
    case "categorize":
      return { type: "categorize", placements: { [question.items[0]!.id]: question.categories[i % question.categories.length]!.id } };
    case "ordering": {
      const ids = question.items.map((item) => item.id);
      const k = i % ids.length;
      return { type: "ordering", order: [...ids.slice(k), ...ids.slice(0, k)] };
    }
    case "numeric":
      return { type: "numeric", text: `${i}e3` };
    case "short_text":
      return { type: "short_text", text: `answer ${i}` };
    case "next_token":
      return { type: "next_token", candidateId: question.candidates[i % question.candidates.length]!.id, typed: "" };
    case "open":
      return { type: "open", text: `Save number ${i}: a model writes one token at a time, each chosen from a distribution.` };
  }
}

async function waitForApp(port: number, child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("Jielong stopped before it answered; see its output above.");
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/" }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      }).on("error", () => resolve(false));
    });
    if (ok) return;
    await sleep(500);
  }
  throw new Error("Jielong did not answer within 5 minutes.");
}

const dataDir = await mkdtemp(path.join(tmpdir(), "jielong-bench-attempts-"));
await chmod(dataDir, 0o755);
const [appPort, pgPort] = [await freePort(), await freePort()];
const secret = randomBytes(32).toString("hex");
console.log(`▸ Starting Jielong on port ${appPort} (data in ${dataDir}) …`);
const inherited = { ...process.env };
delete inherited.DATABASE_URL; // the app gets its own embedded PostgreSQL
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
  env: { ...inherited, PORT: String(appPort), JIELONG_PG_PORT: String(pgPort), JIELONG_DATA_DIR: dataDir, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://localhost:${appPort}`, JIELONG_SEED_DEMO: "1" },
  stdio: ["ignore", "inherit", "inherit"],
});
const stop = async () => {
  child.kill("SIGTERM");
  await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  await rm(dataDir, { recursive: true, force: true });
};

try {
  await waitForApp(appPort, child);
  const databaseUrl = `postgresql://postgres:jielong-local@127.0.0.1:${pgPort}/jielong`;
  const db = createDb(databaseUrl);

  // The class: N students with session cookies minted as next-auth would after sign-in.
  const stamp = Date.now().toString(36);
  const users = Array.from({ length: STUDENTS }, (_, i) => ({ id: `bench-${stamp}-${i}`, email: `bench-${stamp}-${i}@example.edu`, name: `Bench ${i}` }));
  await db.user.createMany({ data: users });
  await db.enrollment.createMany({ data: users.map((user) => ({ classId: "demo-genai-2024", userId: user.id, role: "STUDENT" as const })) });
  const version = await db.quizVersion.findFirstOrThrow({ where: { quiz: { slug: QUIZ } }, orderBy: { version: "desc" }, include: { questions: { orderBy: { position: "asc" } } } });
  const assignment = await db.assignment.create({ data: { classId: "demo-genai-2024", quizId: version.quizId, quizVersionId: version.id, mode: "EXAM" } });
  const questions = version.questions.map((row) => ({ id: row.id, definition: row.definition as TQuestion }));
  const cookies = await Promise.all(users.map(async (user) => `next-auth.session-token=${await encode({ token: { sub: user.id, email: user.email, name: user.name, sv: 0 }, secret })}`));

  // 1. The exam.
  const latency: Record<"start" | "answers" | "submit", number[]> = { start: [], answers: [], submit: [] };
  const errors: string[] = [];
  const lastSent = new Map<string, Map<string, TAnswer>>(); // attemptId → questionId → answer
  let resets = 0;
  const timed = async (endpoint: keyof typeof latency, url: string, cookie: string, body: unknown) => {
    const started = performance.now();
    let result = await post(appPort, url, cookie, body);
    // A kept-alive connection the server closed as the request left: resend once, as the browser does.
    if (result.status === 0) {
      resets++;
      result = await post(appPort, url, cookie, body);
    }
    latency[endpoint].push(performance.now() - started);
    if (result.status !== 200 || !result.json?.ok) errors.push(`${endpoint}: HTTP ${result.status} ${result.json?.code ?? ""}`);
    return result;
  };
  const startAt = Date.now() + 2000;
  console.log(`▸ Exam: ${STUDENTS} students start within ${START_WINDOW_MS} ms of the opening, ${SAVES} autosaves each, think time ${THINK_MS} ms ± 50% …`);
  const examStarted = performance.now();
  await Promise.all(
    users.map(async (_user, s) => {
      const cookie = cookies[s]!;
      await sleep(startAt - Date.now() + Math.random() * START_WINDOW_MS);
      const started = await timed("start", `/api/assignments/${assignment.id}/attempts`, cookie, {});
      const attemptId = started.json?.attemptId;
      if (!attemptId) return;
      const sent = new Map<string, TAnswer>();
      lastSent.set(attemptId, sent);
      for (let i = 1; i <= SAVES; i++) {
        await sleep(THINK_MS * (0.5 + Math.random()));
        const question = questions[(s + i) % questions.length]!;
        const answer = answerFor(question.definition, i);
        const saved = await timed("answers", `/api/attempts/${attemptId}/answers`, cookie, { questionId: question.id, answer, seq: i });
        if (saved.json?.ok) sent.set(question.id, answer);
      }
      await timed("submit", `/api/attempts/${attemptId}/submit`, cookie, { answers: [] });
    }),
  );
  const examSeconds = (performance.now() - examStarted) / 1000;

  // Lost answers: every acknowledged last answer must be what the database holds.
  const stored = await db.response.findMany({ where: { attempt: { assignmentId: assignment.id } }, select: { attemptId: true, questionId: true, answer: true } });
  const byKey = new Map(stored.map((row) => [`${row.attemptId}:${row.questionId}`, canonical(row.answer)]));
  let checked = 0;
  let lost = 0;
  for (const [attemptId, sent] of lastSent) {
    for (const [questionId, answer] of sent) {
      checked++;
      if (byKey.get(`${attemptId}:${questionId}`) !== canonical(answer)) lost++;
    }
  }
  const submitted = await db.attempt.count({ where: { assignmentId: assignment.id, status: "SUBMITTED" } });
  const requests = latency.start.length + latency.answers.length + latency.submit.length;

  // 2. Capacity: autosave back to back through the app, then the same upsert straight to PostgreSQL.
  const capacityUsers = users.slice(0, CONCURRENCY);
  const capacityAssignment = await db.assignment.create({ data: { classId: "demo-genai-2024", quizId: version.quizId, quizVersionId: version.id, mode: "PRACTICE" } });
  const capacityAttempts = await Promise.all(
    capacityUsers.map(async (_user, s) => (await post(appPort, `/api/assignments/${capacityAssignment.id}/attempts`, cookies[s]!, {})).json!.attemptId!),
  );
  let next = 0;
  const appLatency: number[] = [];
  let appErrors = 0;
  const appStarted = performance.now();
  await Promise.all(
    capacityUsers.map(async (_user, s) => {
      while (next < CAPACITY_REQUESTS) {
        const i = ++next;
        const question = questions[i % questions.length]!;
        const started = performance.now();
        const result = await post(appPort, `/api/attempts/${capacityAttempts[s]}/answers`, cookies[s]!, { questionId: question.id, answer: answerFor(question.definition, i), seq: i });
        appLatency.push(performance.now() - started);
        if (result.status !== 200) appErrors++;
      }
    }),
  );
  const appRate = CAPACITY_REQUESTS / ((performance.now() - appStarted) / 1000);

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const pgAttempt = await db.attempt.create({ data: { userId: users[0]!.id, quizVersionId: version.id, number: 99 } });
  next = 0;
  const pgStarted = performance.now();
  await Promise.all(
    capacityUsers.map(async () => {
      while (next < CAPACITY_REQUESTS) {
        const i = ++next;
        const question = questions[i % questions.length]!;
        await pool.query(
          `INSERT INTO "Response" ("id", "attemptId", "questionId", "answer", "seq", "updatedAt") VALUES ($1, $2, $3, $4::jsonb, $5, now())
           ON CONFLICT ("attemptId", "questionId") DO UPDATE SET "answer" = EXCLUDED."answer", "seq" = EXCLUDED."seq", "updatedAt" = EXCLUDED."updatedAt" WHERE "Response"."seq" < EXCLUDED."seq"`,
          [`bench_${i}`, pgAttempt.id, question.id, JSON.stringify(answerFor(question.definition, i)), i],
        );
      }
    }),
  );
  const pgRate = CAPACITY_REQUESTS / ((performance.now() - pgStarted) / 1000);
  await pool.end();
  await db.$disconnect();

  const line = (label: string, samples: number[]) => {
    const s = summarise(samples);
    return `${label.padEnd(26)} n=${String(s.n).padStart(6)}  p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  p99 ${ms(s.p99).padStart(9)}  max ${ms(s.max).padStart(9)}`;
  };
  console.log("");
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; app, PostgreSQL and this load generator share it.`);
  console.log(`Exam: ${STUDENTS} students starting within ${START_WINDOW_MS / 1000} s × ${SAVES} autosaves, think ${THINK_MS} ms ± 50%, ${examSeconds.toFixed(1)} s`);
  console.log(line("POST …/attempts (start)", latency.start));
  console.log(line("POST …/answers (autosave)", latency.answers));
  console.log(line("POST …/submit", latency.submit));
  console.log(`errors: ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join("; ")})` : ""}; connection resets resent once: ${resets}`);
  console.log(`throughput: ${(requests / examSeconds).toFixed(0)} requests/s (${(latency.answers.length / examSeconds).toFixed(0)} autosaves/s)`);
  console.log(`submitted: ${submitted} of ${STUDENTS}; lost answers: ${lost} (every question's last acknowledged answer, ${checked} in all, compared with the database)`);
  console.log(`Capacity at ${CONCURRENCY} concurrent clients, ${CAPACITY_REQUESTS} saves each way:`);
  console.log(line("  autosave through the app", appLatency));
  console.log(`  app: ${appRate.toFixed(0)} saves/s (${appErrors} errors); pg upsert: ${pgRate.toFixed(0)}/s; ratio app/pg = ${(appRate / pgRate).toFixed(2)}`);
} finally {
  await stop();
  agent.destroy();
}
