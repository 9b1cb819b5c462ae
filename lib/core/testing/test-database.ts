import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createDb, type TDb } from "../db";
import { createDatabaseIfMissing } from "../embedded-postgres";

export type TTestDatabase = { url: string; db: TDb; name: string };

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database cloned from the migrated template, dropped when the file finishes. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TTestDatabase> {
  const adminUrl = inject("databaseAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name, options.migrated === false ? undefined : inject("templateDatabase"));
  const url = urlFor(adminUrl, name);
  const db = createDb(url);
  afterAll(async () => {
    await db.$disconnect();
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.end();
  });
  return { url, db, name };
}
