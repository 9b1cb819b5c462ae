import type { TDb } from "@/lib/core/db";

// Failed sign-ins slow down the next try, per email and per client address: no delay for the
// first three, then 1 s, 2 s, 4 s … up to 15 minutes. After 100 consecutive failures an
// account stays locked until it is unlocked by email (NIST SP 800-63B, 5.2.2).
export const LOCK_AFTER = 100;
const FREE_TRIES = 3;
const MAX_DELAY_SECONDS = 15 * 60;

export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(2 ** (failures - FREE_TRIES), MAX_DELAY_SECONDS);
}

export type TThrottleVerdict = { allowed: true } | { allowed: false; reason: "wait"; retryAfterSeconds: number } | { allowed: false; reason: "locked" };

export function throttleKeys(email: string, ip: string | null): string[] {
  return [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
}

export async function checkThrottle(db: TDb, keys: string[], now = new Date()): Promise<TThrottleVerdict> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  if (rows.some((row) => row.key.startsWith("email:") && row.failures >= LOCK_AFTER)) return { allowed: false, reason: "locked" };
  const waitUntil = Math.max(0, ...rows.map((row) => row.nextAllowedAt?.getTime() ?? 0));
  if (waitUntil > now.getTime()) return { allowed: false, reason: "wait", retryAfterSeconds: Math.ceil((waitUntil - now.getTime()) / 1000) };
  return { allowed: true };
}

/** Counts a failure atomically (concurrent attempts each count) and sets the next delay. */
export async function recordFailure(db: TDb, keys: string[], now = new Date()): Promise<number> {
  let emailFailures = 0;
  for (const key of keys) {
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET "failures" = "SignInThrottle"."failures" + 1, "lastFailureAt" = ${now}
      RETURNING "failures"`;
    const failures = row!.failures;
    await db.signInThrottle.update({ where: { key }, data: { nextAllowedAt: new Date(now.getTime() + delayAfter(failures) * 1000) } });
    if (key.startsWith("email:")) emailFailures = failures;
  }
  return emailFailures;
}

export async function clearThrottle(db: TDb, keys: string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}
