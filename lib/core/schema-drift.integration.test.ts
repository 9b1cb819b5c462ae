import { readFile } from "node:fs/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseSnapshot, diffSnapshots, expectedSnapshot } from "./schema-drift";
import { createTestDatabase } from "./testing/test-database";

const schema = await readFile("prisma/schema.prisma", "utf8");

async function migratedSnapshot() {
  const { url } = await createTestDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await databaseSnapshot(client);
  } finally {
    await client.end();
  }
}

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same database", async () => {
    const drift = diffSnapshots(expectedSnapshot(schema), await migratedSnapshot());
    expect(drift, `schema.prisma and the migrations disagree:\n${drift.join("\n")}`).toEqual([]);
  });

  it("a field added to the schema without a migration is caught", async () => {
    const changed = schema.replace("model Class {\n", "model Class {\n  room String\n");
    expect(changed).not.toBe(schema);
    expect(diffSnapshots(expectedSnapshot(changed), await migratedSnapshot())).toEqual([
      "+ column Class.room text NOT NULL default=null  (in schema.prisma, not in the migrations)",
    ]);
  });

  it("changed nullability, defaults and unique indexes are caught", async () => {
    const changed = schema
      .replace("  name          String?\n", "  name          String\n")
      .replace('siteRole      SiteRole  @default(USER)', 'siteRole      SiteRole  @default(ADMIN)')
      .replace("  slug      String   @unique\n  number    Int", "  slug      String\n  number    Int");
    const drift = diffSnapshots(expectedSnapshot(changed), await migratedSnapshot());
    expect(drift.join("\n")).toContain("+ column User.name text NOT NULL");
    expect(drift.join("\n")).toContain("+ column User.siteRole SiteRole NOT NULL default=ADMIN");
    expect(drift.join("\n")).toContain("- unique index Lecture_slug_key on Lecture(slug)");
  });
});
