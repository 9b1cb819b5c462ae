import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { consumeEmailToken, createEmailToken } from "./email-tokens";

describe("emailed single-use tokens", () => {
  it("work once, only for their purpose, only before they expire, and are stored hashed", async () => {
    const { db } = await createTestDatabase();
    const now = new Date("2026-11-28T10:00:00Z");
    const token = await createEmailToken(db, "reset", "ming@example.edu", now);
    expect(await db.verificationToken.count({ where: { token } })).toBe(0);
    expect(await consumeEmailToken(db, "unlock", token, now)).toBeNull();
    expect(await consumeEmailToken(db, "reset", token, now)).toBe("ming@example.edu");
    expect(await consumeEmailToken(db, "reset", token, now)).toBeNull();

    const late = await createEmailToken(db, "reset", "ming@example.edu", now);
    expect(await consumeEmailToken(db, "reset", late, new Date(now.getTime() + 31 * 60_000))).toBeNull();
  });

  it("asking again replaces the earlier link", async () => {
    const { db } = await createTestDatabase();
    const first = await createEmailToken(db, "reset", "mei@example.edu");
    const second = await createEmailToken(db, "reset", "mei@example.edu");
    expect(await consumeEmailToken(db, "reset", first)).toBeNull();
    expect(await consumeEmailToken(db, "reset", second)).toBe("mei@example.edu");
  });
});
