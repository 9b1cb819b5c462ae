import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type TDb } from "../lib/core/db";
import { createDatabaseIfMissing, startEmbeddedPostgres, type TEmbeddedPostgres } from "../lib/core/embedded-postgres";
import { freePort } from "../lib/core/free-port";
import { expect } from "./fixtures";

// A Jielong of a spec's own (the built app, `scripts/start.ts`) on its own PostgreSQL, for specs
// that kill and restart the app or the database, or need settings the shared app does not have.

export class OwnApp {
  db!: TDb;
  appPort = 0;
  private dataDir = "";
  private pgPort = 0;
  private postgres: TEmbeddedPostgres | null = null;
  private app: ChildProcess | null = null;

  constructor(
    private readonly name: string,
    private readonly env: () => Record<string, string> = () => ({}),
  ) {}

  get baseURL() {
    return `http://localhost:${this.appPort}`;
  }

  get databaseUrl() {
    return `postgresql://postgres:jielong-local@127.0.0.1:${this.pgPort}/jielong`;
  }

  async setUp() {
    this.dataDir = await mkdtemp(path.join(tmpdir(), `jielong-${this.name}-`));
    await chmod(this.dataDir, 0o755);
    [this.pgPort, this.appPort] = [await freePort(), await freePort()];
    await this.startPostgres();
    await createDatabaseIfMissing(this.postgres!.urlFor("postgres"), "jielong");
    await this.startApp();
    this.db = createDb(this.databaseUrl);
  }

  async startApp() {
    this.app = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], {
      detached: true, // its own process group, so that a kill takes Next.js down with it
      stdio: "ignore",
      env: { ...process.env, PORT: String(this.appPort), DATABASE_URL: this.databaseUrl, JIELONG_DATA_DIR: this.dataDir, JIELONG_SEED_DEMO: "1", NEXTAUTH_URL: this.baseURL, JIELONG_MODELS: "off", ...this.env() },
    });
    await expect
      .poll(async () => (await fetch(`${this.baseURL}/`).then((r) => r.status).catch(() => 0)), { timeout: 120_000, intervals: [500] })
      .toBe(200);
  }

  killApp() {
    if (this.app?.pid) process.kill(-this.app.pid, "SIGKILL");
    this.app = null;
  }

  async startPostgres() {
    this.postgres = await startEmbeddedPostgres({ dataDir: path.join(this.dataDir, "pg"), port: this.pgPort });
  }

  async stopPostgres() {
    await this.db.$disconnect();
    await this.postgres?.stop();
  }

  /** A fresh client after PostgreSQL was restarted */
  reconnect() {
    this.db = createDb(this.databaseUrl);
  }

  async tearDown() {
    this.killApp();
    await this.db?.$disconnect();
    await this.postgres?.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
