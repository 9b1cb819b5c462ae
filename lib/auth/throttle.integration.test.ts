import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { checkThrottle, clearThrottle, CLIENT_FREE_TRIES, delayAfter, LOCK_AFTER, recordFailure, throttleKeys } from "./throttle";

describe("sign-in throttling in PostgreSQL", () => {
  it("delays grow with consecutive failures, per email and per address", async () => {
    const { db } = await createTestDatabase();
    const keys = throttleKeys("ming@example.edu", "203.0.113.7");
    let now = new Date("2026-11-28T10:00:00Z");
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const verdict = await checkThrottle(db, keys, now);
      waits.push(verdict.allowed ? 0 : verdict.reason === "wait" ? verdict.retryAfterSeconds : -1);
      if (!verdict.allowed && verdict.reason === "wait") now = new Date(now.getTime() + verdict.retryAfterSeconds * 1000);
      await recordFailure(db, keys, now);
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8]);
    // Another email from the same address is not slowed yet: a classroom shares one address
    expect(await checkThrottle(db, throttleKeys("other@example.edu", "203.0.113.7"), now)).toEqual({ allowed: true });
    await clearThrottle(db, keys);
    expect(await checkThrottle(db, keys, now)).toEqual({ allowed: true });
  });

  it("one client spraying many emails is slowed after its free tries, whichever email it tries next", async () => {
    const { db } = await createTestDatabase();
    const now = new Date("2026-11-28T10:00:00Z");
    const verdicts: boolean[] = [];
    for (let i = 0; i < CLIENT_FREE_TRIES + 1; i++) {
      const keys = throttleKeys(`victim-${i}@example.edu`, "198.51.100.23");
      verdicts.push((await checkThrottle(db, keys, now)).allowed);
      await recordFailure(db, keys, now);
    }
    // Each email failed once only; the address is what slows the spray
    expect(verdicts.slice(0, CLIENT_FREE_TRIES).every(Boolean)).toBe(true);
    expect(verdicts.at(-1)).toBe(false);
    expect(await checkThrottle(db, throttleKeys("fresh@example.edu", "198.51.100.23"), now)).toMatchObject({ allowed: false, reason: "wait" });
    // Another client is not affected
    expect(await checkThrottle(db, throttleKeys("fresh@example.edu", "198.51.100.24"), now)).toEqual({ allowed: true });
  });

  it("counts concurrent failures without losing any, and locks after 100", async () => {
    const { db } = await createTestDatabase();
    const keys = throttleKeys("target@example.edu", null);
    await Promise.all(Array.from({ length: LOCK_AFTER }, () => recordFailure(db, keys)));
    expect((await db.signInThrottle.findUniqueOrThrow({ where: { key: keys[0]! } })).failures).toBe(LOCK_AFTER);
    expect(await checkThrottle(db, keys, new Date(Date.now() + 86_400_000))).toEqual({ allowed: false, reason: "locked" });
  });

  it("the delay is capped at 15 minutes", () => {
    expect(delayAfter(60)).toBe(900);
  });
});
