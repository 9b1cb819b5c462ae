import { describe, expect, it } from "vitest";
import { buildOverview } from "./overview";

const now = new Date("2026-11-29T10:00:00Z");
const text = (s: string) => ({ "zh-TW": s, en: s });
const assignment = (id: string, options: { opensAt?: Date | null; closesAt?: Date | null; inProgress?: number } = {}) => ({
  id,
  mode: "EXAM",
  opensAt: options.opensAt ?? null,
  closesAt: options.closesAt ?? null,
  quizVersion: { title: text(id), version: 1 },
  _count: { attempts: options.inProgress ?? 0 },
});
const base = { now, participation: [], figures: [], completion: [], students: [{ id: "u1", name: "王小明", email: "u1@x.tw", section: null }], concepts: [{ id: "c1", name: text("c1") }, { id: "c2", name: text("c2") }] };

describe("buildOverview", () => {
  it("is live only while an open assignment has attempts being taken", () => {
    const closed = assignment("a", { closesAt: new Date(now.getTime() - 1000), inProgress: 3 });
    const idle = assignment("b", { inProgress: 0 });
    const notYet = assignment("c", { opensAt: new Date(now.getTime() + 1000), inProgress: 1 });
    expect(buildOverview({ ...base, assignments: [closed, idle, notYet], bands: [], mastery: [] }).live).toBe(false);
    expect(buildOverview({ ...base, assignments: [closed, assignment("d", { inProgress: 1 })], bands: [], mastery: [] }).live).toBe(true);
  });

  it("puts band counts in order, zero where no score fell", () => {
    const overview = buildOverview({ ...base, assignments: [assignment("a")], bands: [{ assignmentId: "a", band: 10, count: 4 }, { assignmentId: "a", band: 1, count: 2 }], mastery: [] });
    expect(overview.assignments[0]!.histogram).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
  });

  it("gives every concept a column and the mean of the enrolled students on each tested one", () => {
    const overview = buildOverview({ ...base, assignments: [], bands: [], mastery: [{ userId: "u1", concept: "c1", mastery: 0.5, questions: 2 }, { userId: "u2", concept: "c1", mastery: 1, questions: 1 }] });
    expect(overview.concepts.map((c) => c.id)).toEqual(["c1", "c2"]);
    // u2 has left the class: not in the mean
    expect(overview.conceptMeans).toEqual({ c1: 0.5, c2: null });
    expect(overview.heatmap).toEqual([{ student: base.students[0], mastery: { c1: 0.5 } }]);
  });
});
