import { describe, expect, it } from "vitest";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { activatePendingEnrollments, applyRosterPlan, createClass, joinByCode, removeMember, setJoinCode } from "./mutations";
import { parseRosterCsv } from "./parse-roster-csv";
import { planRosterImport, type TRosterMember } from "./plan-roster-import";

const CSV = "\uFEFF學號,姓名,電子郵件,班別\nB001,王小明,ming@example.edu,A\nB002,陳美玲,mei@example.edu,A\nB003,林志豪,hao@example.edu,B\n";

describe("roster import against PostgreSQL", () => {
  it("imports, is idempotent, updates changed names, and removes only confirmed students", async () => {
    const { db } = await createTestDatabase();
    const instructor = await db.user.create({ data: { email: "prof@example.edu", name: "Prof" } });
    const ming = await db.user.create({ data: { email: "ming@example.edu", name: "Ming" } });
    const { id } = await createClass(db, { name: "GenAI", term: null, sections: ["B", "0"], instructorId: instructor.id });
    const classId = id as TAuthorizedClassId;

    async function importCsv(text: string, removals: string[] = []) {
      const parsed = parseRosterCsv(text);
      if (!parsed.ok) throw new Error(parsed.problem);
      const [enrollments, pending, accounts] = await Promise.all([
        db.enrollment.findMany({ where: { classId }, include: { user: true } }),
        db.pendingEnrollment.findMany({ where: { classId } }),
        db.user.findMany({ where: { email: { in: parsed.rows.map((r) => r.email) } } }),
      ]);
      const members: TRosterMember[] = [
        ...enrollments.map((e) => ({ email: e.user.email, userId: e.userId, role: e.role, rosterName: e.rosterName, studentNumber: e.studentNumber, section: e.section })),
        ...pending.map((p) => ({ email: p.email, userId: null, role: p.role, rosterName: p.rosterName, studentNumber: p.studentNumber, section: p.section })),
      ];
      const plan = planRosterImport({ rows: parsed.rows, members, accounts: new Map(accounts.map((a) => [a.email, a.id])) });
      await applyRosterPlan(db, classId, plan, removals);
      return plan;
    }

    const first = await importCsv(CSV);
    expect(first.add).toHaveLength(3);
    expect(await db.enrollment.count({ where: { classId, role: "STUDENT" } })).toBe(1);
    expect((await db.pendingEnrollment.findMany({ where: { classId }, orderBy: { email: "asc" } })).map((p) => p.rosterName)).toEqual(["林志豪", "陳美玲"]);

    // Section A was new: it joins the class's list after the instructor's own, which keep their order.
    expect((await db.class.findUniqueOrThrow({ where: { id: classId } })).sections).toEqual(["B", "0", "A"]);

    const again = await importCsv(CSV);
    expect([again.add.length, again.update.length, again.unchanged.length, again.missing.length]).toEqual([0, 0, 3, 0]);

    const renamed = await importCsv(CSV.replace("王小明", "王曉明").replace("hao@example.edu,B\n", ""));
    expect(renamed.update.map((row) => [row.email, row.changed])).toEqual([["ming@example.edu", ["rosterName"]]]);
    expect(renamed.missing.map((m) => m.email)).toEqual(["hao@example.edu"]);
    // Not confirmed: still there.
    expect(await db.pendingEnrollment.count({ where: { classId, email: "hao@example.edu" } })).toBe(1);
    await importCsv(CSV.replace("王小明", "王曉明").replace("hao@example.edu,B\n", ""), ["hao@example.edu"]);
    expect(await db.pendingEnrollment.count({ where: { classId, email: "hao@example.edu" } })).toBe(0);
    expect((await db.enrollment.findUniqueOrThrow({ where: { classId_userId: { classId, userId: ming.id } } })).rosterName).toBe("王曉明");
  });

  it("a pending roster row becomes an enrollment when that email first signs in", async () => {
    const { db } = await createTestDatabase();
    const instructor = await db.user.create({ data: { email: "prof@example.edu" } });
    const { id } = await createClass(db, { name: "GenAI", term: null, instructorId: instructor.id });
    await db.pendingEnrollment.create({ data: { classId: id, email: "new@example.edu", rosterName: "新同學", section: "A" } });
    const user = await db.user.create({ data: { email: "new@example.edu" } });
    expect(await activatePendingEnrollments(db, { userId: user.id, email: user.email })).toBe(1);
    expect(await db.enrollment.findUniqueOrThrow({ where: { classId_userId: { classId: id, userId: user.id } } })).toMatchObject({ role: "STUDENT", rosterName: "新同學", section: "A", status: "ACTIVE" });
    expect(await db.pendingEnrollment.count()).toBe(0);
    expect(await activatePendingEnrollments(db, { userId: user.id, email: user.email })).toBe(0);
  });

  it("join codes: off by default, on, approval, and a removed student's attempts are kept", async () => {
    const { db } = await createTestDatabase();
    const instructor = await db.user.create({ data: { email: "prof@example.edu" } });
    const student = await db.user.create({ data: { email: "s@example.edu" } });
    const { id } = await createClass(db, { name: "GenAI", term: null, instructorId: instructor.id });
    const classId = id as TAuthorizedClassId;
    expect(await joinByCode(db, { code: "ANYTHING", userId: student.id })).toBeNull();
    await setJoinCode(db, classId, { enabled: true, needsApproval: true });
    const { joinCode } = await db.class.findUniqueOrThrow({ where: { id } });
    expect(joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(await joinByCode(db, { code: joinCode!, userId: student.id })).toMatchObject({ status: "PENDING_APPROVAL" });
    await setJoinCode(db, classId, { enabled: false, needsApproval: false });
    expect(await joinByCode(db, { code: joinCode!, userId: student.id })).toBeNull();

    const quizless = await db.attempt.count({ where: { userId: student.id } });
    await removeMember(db, classId, student.id);
    expect(await db.enrollment.count({ where: { classId, userId: student.id } })).toBe(0);
    expect(await db.user.count({ where: { id: student.id } })).toBe(1);
    expect(await db.attempt.count({ where: { userId: student.id } })).toBe(quizless);
  });
});
