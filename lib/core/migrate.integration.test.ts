import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrationFiles } from "./migrate";
import { createTestDatabase } from "./testing/test-database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("db:migrate", () => {
  it("applies every migration once and keeps Prisma's ledger", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    const files = await readMigrationFiles();
    expect((await migrate({ connectionString: url })).applied).toEqual(files.map((f) => f.name));
    expect((await migrate({ connectionString: url })).applied).toEqual([]);

    const ledger = await query<{ id: string; checksum: string; migration_name: string; finished_at: Date; applied_steps_count: number; rolled_back_at: null; logs: null; started_at: Date }>(
      url,
      `SELECT * FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(ledger.map((row) => row.migration_name)).toEqual(files.map((f) => f.name));
    for (const [index, row] of ledger.entries()) {
      expect(row.checksum).toBe(files[index]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ applied_steps_count: 1, rolled_back_at: null, logs: null });
    }
    const columns = await query<{ column_name: string }>(url, `SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`);
    expect(columns.map((c) => c.column_name)).toEqual(["id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count"]);
  });

  it("refuses, naming the migration, when an applied migration file was changed", async () => {
    const { url } = await createTestDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "jielong-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrationFiles(dir);
    const file = path.join(dir, first!.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- an innocent-looking edit\n`);
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(`Migration "${first!.name}" was changed after it was applied`);
  });

  it("rolls a failing migration back completely and names it", async () => {
    const { url } = await createTestDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "jielong-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29990101000000_broken");
    await cp(path.join(MIGRATIONS_DIR, (await readMigrationFiles())[0]!.name), broken, { recursive: true });
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n`);
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow('Migration "29990101000000_broken" failed');
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`)).toEqual([]);
  });
});
