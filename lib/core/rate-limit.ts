import type { TDb } from "./db";

// Fixed-window counters in PostgreSQL, shared by every app process and worker: mails per address
// and per client, feedback requests per student. One statement counts the hit and reports whether
// it is within the limit, so concurrent requests each count.

export type TRateLimit = { limit: number; windowSeconds: number };
export type TRateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one hit on each key; refused when any key is over its limit in its current window */
export async function hitRateLimits(db: Pick<TDb, "$queryRaw">, hits: { key: string; rule: TRateLimit }[], now = new Date()): Promise<TRateVerdict> {
  let retryAfter = 0;
  for (const { key, rule } of hits) {
    const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
    const [row] = await db.$queryRaw<{ count: number; windowStartedAt: Date }[]>`
      INSERT INTO "RateLimit" ("key", "count", "windowStartedAt") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStartedAt" <= ${windowStart} THEN 1 ELSE "RateLimit"."count" + 1 END,
        "windowStartedAt" = CASE WHEN "RateLimit"."windowStartedAt" <= ${windowStart} THEN ${now} ELSE "RateLimit"."windowStartedAt" END
      RETURNING "count", "windowStartedAt"`;
    if (row!.count > rule.limit) {
      const reopens = row!.windowStartedAt.getTime() + rule.windowSeconds * 1000;
      retryAfter = Math.max(retryAfter, Math.ceil((reopens - now.getTime()) / 1000));
    }
  }
  return retryAfter > 0 ? { allowed: false, retryAfterSeconds: retryAfter } : { allowed: true };
}
