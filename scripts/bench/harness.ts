import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/lib/core/embedded-postgres";
import { freePort } from "@/lib/core/free-port";
import { migrate } from "@/lib/core/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Shared by the `npm run bench:*` scripts: a fresh, migrated database (an embedded PostgreSQL
// in a temporary folder, or a new database on BENCH_DATABASE_URL's server), a Prisma client that
// counts its queries, and percentile arithmetic.

export type TBenchDatabase = {
  url: string;
  db: PrismaClient;
  /** Queries sent by `db` since the last reset. */
  queries: { count: number };
  stop(): Promise<void>;
};


export async function startBenchDatabase(name: string): Promise<TBenchDatabase> {
  let stopServer = async () => {};
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), "jielong-bench-"));
    await chmod(dataDir, 0o755); // the postgres user must reach its data folder when we run as root
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    adminUrl = server.urlFor("postgres");
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const database = `bench_${name}_${process.pid}`;
  await createDatabaseIfMissing(adminUrl, database);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await migrate({ connectionString: url.toString() });
  const queries = { count: 0 };
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", () => {
    queries.count += 1;
  });
  // lib/ code reaches the database through lib/core/db's shared client: make it this one.
  process.env.DATABASE_URL = url.toString();
  (globalThis as unknown as { jielongDb?: PrismaClient }).jielongDb = db;
  return {
    url: url.toString(),
    db,
    queries,
    async stop() {
      await db.$disconnect();
      await stopServer();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Times `run` `repeat` times after `warmup` unmeasured runs; also reports the queries per run. */
export async function measure(bench: TBenchDatabase, run: () => Promise<unknown>, options: { repeat: number; warmup?: number }) {
  for (let i = 0; i < (options.warmup ?? 3); i++) await run();
  const samples: number[] = [];
  bench.queries.count = 0;
  for (let i = 0; i < options.repeat; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { ...summarise(samples), queriesPerRun: bench.queries.count / options.repeat };
}
