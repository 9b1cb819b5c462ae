import { describe, expect, it } from "vitest";
import { summariseClass } from "./summarise-class";

const attempt = (id: string, assignmentId: string, score: number, day: number) => ({ id, assignmentId, score, maxScore: 4, submittedAt: new Date(Date.UTC(2026, 10, day)) });

describe("summariseClass", () => {
  it("keeps each student's best attempt per assignment and counts the attempts", () => {
    const { rows, attempts } = summariseClass(
      ["a1", "a2"],
      [
        { id: "s1", name: "王小明", email: "s1@x.tw", attempts: [attempt("t1", "a1", 2, 3), attempt("t2", "a1", 4, 1), attempt("t3", "a2", 1, 2)] },
        { id: "s2", name: "陳美玲", email: "s2@x.tw", attempts: [] },
      ],
    );
    expect(rows[0]!.cells).toEqual({ a1: { best: expect.objectContaining({ id: "t2" }), count: 2 }, a2: { best: expect.objectContaining({ id: "t3" }), count: 1 } });
    expect(rows[1]!.cells).toEqual({ a1: null, a2: null });
    expect(attempts.map((a) => a.id)).toEqual(["t1", "t3", "t2"]);
  });
});
