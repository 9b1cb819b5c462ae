// `npm start`: brings up Jielong in one command. With DATABASE_URL it uses that database;
// without it, it runs a real embedded PostgreSQL in .data/ and creates the demo accounts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { loadContent, type TContent } from "@/lib/content/load-content";
import { computeNextTokenProbabilities, describeComputeReport } from "@/lib/content/next-token-probabilities";
import { syncContent } from "@/lib/content/sync-content";
import { checkDatabaseReachable, describeDatabaseUrl } from "@/lib/core/database-check";
import { createDb } from "@/lib/core/db";
import { freePort } from "@/lib/core/free-port";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/lib/core/embedded-postgres";
import { EnvError, readEnv } from "@/lib/core/env";
import { migrate, MigrationError } from "@/lib/core/migrate";
import { seedDemoCohort } from "@/lib/analytics/seed-demo-cohort";
import { chatModel } from "@/lib/models/chat";
import { describeModels, installMissingModels } from "@/lib/models/status";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/lib/roster/seed-demo";
import { buildIfNeeded } from "./build-if-needed";

let embedded: TEmbeddedPostgres | undefined;
let app: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let stopping = false;

/** An expected reason not to start: printed as one clear message, without a stack trace. */
class StartupError extends Error {}
function fail(message: string): never {
  throw new StartupError(message);
}

async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => {
    const timer = setTimeout(() => { child.kill("SIGKILL"); resolve(null); }, 8000);
    child.once("exit", () => { clearTimeout(timer); resolve(null); });
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all([stopChild(app), stopChild(worker)]);
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function authSecret(dataDir: string, given?: string): Promise<string> {
  if (given) return given;
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app?.exitCode !== null) return false;
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

/**
 * The next-token questions' real probabilities, once the app is listening: loading the model and
 * scoring takes seconds, and a failure only leaves the illustrative numbers, so it never stops start-up.
 */
async function computeProbabilitiesInBackground(databaseUrl: string, content: TContent): Promise<void> {
  const db = createDb(databaseUrl);
  const model = chatModel();
  try {
    console.log(`▸ ${describeComputeReport(await computeNextTokenProbabilities(db, content, model))}`);
  } catch (error) {
    console.log(`▸ Next-token probabilities: not computed (${(error as Error).message.split("\n")[0]}); the illustrative numbers are shown`);
  } finally {
    await model?.dispose?.().catch(() => {});
    await db.$disconnect().catch(() => {});
  }
}

async function main() {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  if (!(await portIsFree(env.PORT))) {
    fail(`Port ${env.PORT} is already in use. Stop the program using it, or start Jielong on another port: PORT=${env.PORT + 1} npm start`);
  }

  let databaseUrl = env.DATABASE_URL;
  const demoMode = !databaseUrl;
  if (databaseUrl) {
    const problem = await checkDatabaseReachable(databaseUrl);
    if (problem) fail(`Cannot reach the database given by DATABASE_URL (${describeDatabaseUrl(databaseUrl)}).\n  ${problem}`);
  } else {
    console.log(`▸ Starting the embedded PostgreSQL (data in ${path.resolve(env.JIELONG_DATA_DIR, "postgres")}) …`);
    try {
      embedded = await startEmbeddedPostgres({ dataDir: env.JIELONG_DATA_DIR, port: env.JIELONG_PG_PORT, database: "jielong" });
    } catch (error) {
      fail(`${(error as Error).message}\n  Set JIELONG_PG_PORT to use another port, or DATABASE_URL to use your own PostgreSQL.`);
    }
    databaseUrl = embedded.urlFor("jielong");
  }

  try {
    const { applied } = await migrate({ connectionString: databaseUrl, log: (line) => console.log(`▸ ${line}`) });
    if (applied.length === 0) console.log("▸ Database schema is up to date");
  } catch (error) {
    if (error instanceof MigrationError) fail(`Refusing to start: ${error.message}`);
    throw error;
  }

  const content = await loadContent();
  const errors = content.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    fail(`The content has errors (run npm run content:check):\n${errors.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join("\n")}`);
  }
  const db = createDb(databaseUrl);
  const report = await syncContent(db, content);
  console.log(`▸ Content: ${report.lectures} lecture(s), ${report.quizzes} quiz(zes)` +
    (report.newVersions.length ? `; new versions: ${report.newVersions.map((v) => `${v.slug} v${v.version}`).join(", ")}` : ""));

  // Demo mode fetches the pinned models when they are missing (never while answering a request);
  // without them Jielong still runs, with the lexical grader, and says so in one line
  if (demoMode) {
    const problem = await installMissingModels((line) => console.log(`▸ ${line}`));
    if (problem) console.log(`▸ Models could not be installed (${problem}); open answers are graded by the lexical grader, labelled as such on every result. Run npm run models:install to try again.`);
  }
  for (const line of describeModels()) console.log(`▸ ${line}`);

  const seed = env.JIELONG_SEED_DEMO ? env.JIELONG_SEED_DEMO === "1" : demoMode;
  if (seed) {
    await seedDemo(db);
    const started = performance.now();
    if (await seedDemoCohort(db, { instructorEmail: DEMO_ACCOUNTS[0].email })) {
      console.log(`▸ Demo cohort class with attempts created in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  await db.$disconnect();

  await buildIfNeeded();

  const url = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  const secret = await authSecret(env.JIELONG_DATA_DIR, env.NEXTAUTH_SECRET);
  // Grading (the lexical and semantic graders, the local model) runs in a process of its own, so a
  // long answer or a busy model never holds up the web server's requests. JIELONG_WORKER=external:
  // the grading workers run elsewhere (npm run worker).
  // It also holds the local model for the web server's word chain (served on loopback, with a key)
  // and computes the next-token questions' probabilities once the model is warm.
  const inlineWorker = env.JIELONG_WORKER === "inline";
  const playground = inlineWorker ? { port: await freePort(), key: randomBytes(32).toString("hex") } : null;
  if (inlineWorker) {
    worker = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join(import.meta.dirname, "worker.ts")], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: secret,
        JIELONG_PLAYGROUND_PORT: String(playground!.port),
        JIELONG_WORKER_KEY: playground!.key,
        JIELONG_COMPUTE_PROBABILITIES: "1",
      },
    });
    worker.on("exit", (code) => {
      if (!stopping) {
        console.error(`✖ The grading worker stopped (exit code ${code}).`);
        void shutdown(code ?? 1);
      }
    });
  }
  // scripts/serve.mjs: Next.js behind Node's HTTP server, which knows each connection's address
  app = spawn(process.execPath, [path.join(import.meta.dirname, "serve.mjs")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(env.PORT),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: secret,
      JIELONG_DEMO_MODE: seed ? "1" : "0",
      // The web server itself never grades (see the worker above)
      JIELONG_WORKER: "external",
      ...(playground ? { JIELONG_PLAYGROUND_URL: `http://127.0.0.1:${playground.port}`, JIELONG_WORKER_KEY: playground.key } : {}),
    },
  });
  app.on("exit", (code) => {
    if (!stopping) {
      console.error(`✖ The web server stopped (exit code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  if (!(await waitForHttp(`http://127.0.0.1:${env.PORT}/`, 120_000))) fail("The web server did not answer within two minutes.");

  console.log(`\n✔ Jielong is running at ${url}`);
  if (seed) {
    console.log(`\n  Demo accounts (password: ${DEMO_PASSWORD})`);
    for (const account of DEMO_ACCOUNTS) console.log(`    ${account.role.padEnd(10)} ${account.email}`);
  } else {
    console.log("  No demo accounts were created (this database came from DATABASE_URL). Run `npm run db:seed-demo` to add them.");
  }
  console.log("\n  Press Ctrl-C to stop.\n");
  // With no worker of our own (JIELONG_WORKER=external), the probabilities are computed here
  if (!inlineWorker) void computeProbabilitiesInBackground(databaseUrl, content);
}

main().catch((error) => {
  console.error(error instanceof StartupError ? `\n✖ ${error.message}\n` : error);
  void shutdown(1);
});
