import { spawn } from "node:child_process";
import net from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freePort } from "@/lib/core/free-port";
import { createTestDatabase } from "@/lib/core/testing/test-database";

// Runs the real `npm start` entry point and checks what a newcomer sees when it cannot start.
function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], {
      env: { ...process.env, ...env, JIELONG_DATA_DIR: ".data/start-test-unused" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const NO_STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

describe("npm start refuses clearly", () => {
  it("when DATABASE_URL cannot be reached: names the variable and the host", async () => {
    const closedPort = await freePort();
    const { code, output } = await runStart({ DATABASE_URL: `postgresql://jielong:secret@127.0.0.1:${closedPort}/jielong`, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL");
    expect(output).toContain(`127.0.0.1:${closedPort}`);
    expect(output).not.toContain("secret");
    expect(output).not.toMatch(NO_STACK_TRACE);
  });

  it("when the port is taken: names the port", async () => {
    const server = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, resolve));
    try {
      const { code, output } = await runStart({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
      expect(output).not.toMatch(NO_STACK_TRACE);
    } finally {
      server.close();
    }
  });

  it("when an applied migration was changed: names the migration", async () => {
    const { url } = await createTestDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) RETURNING migration_name`);
    await client.end();
    const { code, output } = await runStart({ DATABASE_URL: url, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(output).toContain(`Refusing to start: Migration "${rows[0]!.migration_name}" was changed after it was applied`);
    expect(output).not.toMatch(NO_STACK_TRACE);
  });
});
