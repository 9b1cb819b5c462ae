// Who may start a generation now. Kept in this process's memory, on purpose: a generation runs on
// this process's model, so this process's count is the one that protects it, and nothing needs to
// survive a restart. With several app processes each allows its own limits.
//
// Per user: one generation at a time and PER_MINUTE starts in any 60 s; across users: at most
// RUNNING_MAX at once (the local model writes one at a time, so more would only queue behind
// each other and behind students' feedback).

export const PER_MINUTE = 6;
export const RUNNING_MAX = 4;
const WINDOW_MS = 60_000;

export type TLimitVerdict = { ok: true; release: () => void } | { ok: false; reason: "running" | "rate" | "busy"; retryAfterSeconds: number };

export class GenerationLimiter {
  private readonly running = new Set<string>();
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly limits: { perMinute: number; runningMax: number } = { perMinute: PER_MINUTE, runningMax: RUNNING_MAX }) {}

  acquire(userId: string, now = Date.now()): TLimitVerdict {
    if (this.running.has(userId)) return { ok: false, reason: "running", retryAfterSeconds: 1 };
    const recent = (this.starts.get(userId) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.limits.perMinute) return { ok: false, reason: "rate", retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000)) };
    if (this.running.size >= this.limits.runningMax) return { ok: false, reason: "busy", retryAfterSeconds: 5 };
    recent.push(now);
    this.starts.set(userId, recent);
    this.running.add(userId);
    this.forgetIdle(now);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.running.delete(userId);
      },
    };
  }

  /** Drops users whose starts have all left the window, so the map does not grow for ever */
  private forgetIdle(now: number) {
    if (this.starts.size < 1000) return;
    for (const [user, times] of this.starts) if (!times.some((at) => at > now - WINDOW_MS)) this.starts.delete(user);
  }
}

const globalForLimiter = globalThis as unknown as { jielongPlaygroundLimiter?: GenerationLimiter };

/** The process's limiter (kept on globalThis so that dev-mode reloads share it) */
export function playgroundLimiter(): GenerationLimiter {
  return (globalForLimiter.jielongPlaygroundLimiter ??= new GenerationLimiter());
}
