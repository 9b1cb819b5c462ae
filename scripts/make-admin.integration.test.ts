import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";

const run = promisify(execFile);

describe("npm run admin:make", () => {
  it("makes an existing account a site admin with teaching access, and says so when there is no such account", async () => {
    const { db, url } = await createTestDatabase();
    await db.user.create({ data: { email: "head@example.edu", name: "Head" } });
    const made = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/make-admin.ts", "Head@Example.edu"], { env: { ...process.env, DATABASE_URL: url } });
    expect(made.stdout).toContain("head@example.edu is a site admin");
    expect(await db.user.findUniqueOrThrow({ where: { email: "head@example.edu" } })).toMatchObject({ siteRole: "ADMIN", canTeach: true });
    const missing = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/make-admin.ts", "nobody@example.edu"], { env: { ...process.env, DATABASE_URL: url } }).catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toContain("No account uses nobody@example.edu");
  }, 60_000);
});
