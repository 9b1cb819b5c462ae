import { describe, expect, it } from "vitest";
import { planRosterImport, type TRosterMember } from "./plan-roster-import";

const row = (line: number, email: string, name: string | null, section: string | null = null) => ({ line, email, name, studentNumber: null, section });
const member = (email: string, fields: Partial<TRosterMember> = {}): TRosterMember => ({ email, userId: `u-${email}`, role: "STUDENT", rosterName: null, studentNumber: null, section: null, ...fields });

describe("planRosterImport", () => {
  it("sorts rows into add, update, unchanged, staff and missing", () => {
    const plan = planRosterImport({
      rows: [row(2, "new@x.tw", "新同學"), row(3, "ming@x.tw", "王小明", "B"), row(4, "mei@x.tw", "陳美玲"), row(5, "prof@x.tw", "Prof")],
      members: [
        member("ming@x.tw", { rosterName: "王小明", section: "A" }),
        member("mei@x.tw", { rosterName: "陳美玲" }),
        member("gone@x.tw", { rosterName: "Gone" }),
        member("prof@x.tw", { role: "INSTRUCTOR" }),
      ],
      accounts: new Map([["new@x.tw", "u-new"]]),
    });
    expect(plan.add).toEqual([{ ...row(2, "new@x.tw", "新同學"), userId: "u-new" }]);
    expect(plan.update).toEqual([{ ...row(3, "ming@x.tw", "王小明", "B"), userId: "u-ming@x.tw", changed: ["section"] }]);
    expect(plan.unchanged.map((r) => r.email)).toEqual(["mei@x.tw"]);
    expect(plan.staff.map((r) => r.email)).toEqual(["prof@x.tw"]);
    expect(plan.missing.map((m) => m.email)).toEqual(["gone@x.tw"]);
  });

  it("adds people without an account as pending", () => {
    const plan = planRosterImport({ rows: [row(2, "later@x.tw", "Later")], members: [], accounts: new Map() });
    expect(plan.add[0]?.userId).toBeNull();
  });

  it("an empty column never erases what the roster has", () => {
    const plan = planRosterImport({ rows: [row(2, "ming@x.tw", null)], members: [member("ming@x.tw", { rosterName: "王小明" })], accounts: new Map() });
    expect(plan.unchanged).toHaveLength(1);
  });
});
