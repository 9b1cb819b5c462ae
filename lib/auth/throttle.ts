import type { TDb } from "@/lib/core/db";

// Failed sign-ins slow down the next try, per email and per client address: no delay for the
// first three on an email, then 1 s, 2 s, 4 s … up to 15 minutes. A client address gets more free
// tries (a classroom shares one address) but then slows the same way, across every email it tries:
// spraying many emails from one client is slowed too. After 100 consecutive failures an email's
// password sign-in stays locked until unlocked by email (NIST SP 800-63B, 5.2.2); the emailed
// sign-in link and single sign-on still work for a locked account.
export const LOCK_AFTER = 100;
const FREE_TRIES = 3;
/** Free failures per client address before its delays begin */
export const CLIENT_FREE_TRIES = 20;
const MAX_DELAY_SECONDS = 15 * 60;

export function delayAfter(failures: number, freeTries = FREE_TRIES): number {
  if (failures < freeTries) return 0;
  return Math.min(2 ** (failures - freeTries), MAX_DELAY_SECONDS);
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
    const delay = delayAfter(failures, key.startsWith("ip:") ? CLIENT_FREE_TRIES : FREE_TRIES);
    await db.signInThrottle.update({ where: { key }, data: { nextAllowedAt: new Date(now.getTime() + delay * 1000) } });
    if (key.startsWith("email:")) emailFailures = failures;
  }
  return emailFailures;
}

export async function clearThrottle(db: TDb, keys: string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}
