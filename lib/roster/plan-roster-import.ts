import type { TRosterRow } from "./parse-roster-csv";

// What importing a roster would change, computed before anything is saved, so the
// instructor sees it first and the commit applies exactly this plan.

export type TRosterMember = {
  email: string;
  userId: string | null; // null: a pending enrollment, no account yet
  role: "INSTRUCTOR" | "TA" | "STUDENT";
  rosterName: string | null;
  studentNumber: string | null;
  section: string | null;
};

export type TRosterPlan = {
  add: (TRosterRow & { userId: string | null })[];
  update: (TRosterRow & { userId: string | null; changed: ("rosterName" | "studentNumber" | "section")[] })[];
  unchanged: TRosterRow[];
  staff: TRosterRow[];
  missing: TRosterMember[];
};

export function planRosterImport(input: { rows: TRosterRow[]; members: TRosterMember[]; accounts: Map<string, string> }): TRosterPlan {
  const byEmail = new Map(input.members.map((member) => [member.email, member]));
  const plan: TRosterPlan = { add: [], update: [], unchanged: [], staff: [], missing: [] };
  const inFile = new Set<string>();
  for (const row of input.rows) {
    inFile.add(row.email);
    const member = byEmail.get(row.email);
    if (!member) {
      plan.add.push({ ...row, userId: input.accounts.get(row.email) ?? null });
      continue;
    }
    if (member.role !== "STUDENT") {
      plan.staff.push(row);
      continue;
    }
    const changed = (["rosterName", "studentNumber", "section"] as const).filter((field) => {
      const incoming = field === "rosterName" ? row.name : row[field];
      // An empty column in the file never erases what the roster already has.
      return incoming !== null && incoming !== member[field];
    });
    if (changed.length) plan.update.push({ ...row, userId: member.userId, changed });
    else plan.unchanged.push(row);
  }
  plan.missing = input.members.filter((member) => member.role === "STUDENT" && !inFile.has(member.email));
  return plan;
}

/** What the instructor's browser is shown: what will happen to each row, without internal ids */
export type TRosterPreview = {
  add: (TRosterRow & { hasAccount: boolean })[];
  update: (TRosterRow & { changed: ("rosterName" | "studentNumber" | "section")[] })[];
  unchanged: TRosterRow[];
  staff: TRosterRow[];
  missing: Omit<TRosterMember, "userId">[];
};

export function previewOf(plan: TRosterPlan): TRosterPreview {
  return {
    add: plan.add.map(({ userId, ...row }) => ({ ...row, hasAccount: userId !== null })),
    update: plan.update.map(({ email, line, name, studentNumber, section, changed }) => ({ email, line, name, studentNumber, section, changed })),
    unchanged: plan.unchanged,
    staff: plan.staff,
    missing: plan.missing.map(({ email, role, rosterName, studentNumber, section }) => ({ email, role, rosterName, studentNumber, section })),
  };
}
