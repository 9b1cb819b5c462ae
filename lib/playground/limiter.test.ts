import { describe, expect, it } from "vitest";

import { GenerationLimiter } from "./limiter";

describe("the playground's limiter", () => {
  it("lets a user run one generation at a time", () => {
    const limiter = new GenerationLimiter({ perMinute: 6, runningMax: 4 });
    const first = limiter.acquire("a", 0);
    expect(first.ok).toBe(true);
    expect(limiter.acquire("a", 10)).toMatchObject({ ok: false, reason: "running" });
    expect(limiter.acquire("b", 10).ok).toBe(true);
    if (first.ok) first.release();
    expect(limiter.acquire("a", 20).ok).toBe(true);
  });

  it("allows a few starts per minute per user, then says how long to wait", () => {
    const limiter = new GenerationLimiter({ perMinute: 3, runningMax: 4 });
    for (const at of [0, 1000, 2000]) {
      const verdict = limiter.acquire("a", at);
      expect(verdict.ok).toBe(true);
      if (verdict.ok) verdict.release();
    }
    expect(limiter.acquire("a", 3000)).toEqual({ ok: false, reason: "rate", retryAfterSeconds: 57 });
    expect(limiter.acquire("a", 60_001).ok).toBe(true);
  });

  it("refuses new generations while the model is busy with enough of them, and a release is counted once", () => {
    const limiter = new GenerationLimiter({ perMinute: 6, runningMax: 2 });
    const a = limiter.acquire("a", 0);
    expect(limiter.acquire("b", 0).ok).toBe(true);
    expect(limiter.acquire("c", 0)).toMatchObject({ ok: false, reason: "busy" });
    if (a.ok) {
      a.release();
      a.release();
    }
    expect(limiter.acquire("c", 0).ok).toBe(true);
    expect(limiter.acquire("d", 0)).toMatchObject({ ok: false, reason: "busy" });
  });
});
