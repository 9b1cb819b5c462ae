import { describe, expect, it } from "vitest";
import { summariseClass } from "./summarise-class";

const attempt = (id: string, assignmentId: string, number: number, score: number, day: number) => ({ id, assignmentId, number, score, maxScore: 4, submittedAt: new Date(Date.UTC(2026, 10, day)) });

describe("summariseClass", () => {
  it("keeps the attempt that counts by each assignment's rule, and counts the attempts", () => {
    const { rows, attempts } = summariseClass(
      [{ id: "a1", countedAttempt: "BEST" }, { id: "a2", countedAttempt: "LAST" }],
      [
        { id: "s1", name: "王小明", email: "s1@x.tw", attempts: [attempt("t1", "a1", 2, 2, 3), attempt("t2", "a1", 1, 4, 1), attempt("t3", "a2", 1, 4, 2), attempt("t4", "a2", 2, 1, 4)] },
        { id: "s2", name: "陳美玲", email: "s2@x.tw", attempts: [] },
      ],
    );
    expect(rows[0]!.cells).toEqual({ a1: { counted: expect.objectContaining({ id: "t2" }), count: 2 }, a2: { counted: expect.objectContaining({ id: "t4" }), count: 2 } });
    expect(rows[1]!.cells).toEqual({ a1: null, a2: null });
    expect(attempts.map((a) => a.id)).toEqual(["t4", "t1", "t3", "t2"]);
  });
});
