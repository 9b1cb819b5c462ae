import { randomInt } from "node:crypto";
import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import type { TAuthorizedClassId } from "@/lib/core/session";
import type { TRosterPlan } from "./plan-roster-import";

// Writes to classes and rosters. Callers have already checked the caller's role: every
// function takes the class id as proven by requireClassRole.

export async function createClass(db: TDb, input: { name: string; term: string | null; sections?: string[]; instructorId: string }) {
  return db.class.create({
    data: { name: input.name, term: input.term, sections: input.sections ?? [], enrollments: { create: { userId: input.instructorId, role: "INSTRUCTOR" } } },
    select: { id: true },
  });
}

export async function updateClass(db: TDb, classId: TAuthorizedClassId, input: { name: string; term: string | null; sections: string[]; archived: boolean }) {
  await db.class.update({ where: { id: classId }, data: { name: input.name, term: input.term, sections: input.sections, archivedAt: input.archived ? new Date() : null } });
}

/** Applies an import plan in one transaction; removals happen only for the emails confirmed. */
export async function applyRosterPlan(db: TDb, classId: TAuthorizedClassId, plan: TRosterPlan, confirmedRemovals: string[]) {
  const removals = new Set(confirmedRemovals);
  const sections = [...plan.add, ...plan.update].map((row) => row.section).filter((section): section is string => Boolean(section));
  await db.$transaction(async (tx) => {
    if (sections.length) {
      // Sections named in the file join the class's list, so the roster can be filtered by them.
      const { sections: known } = await tx.class.findUniqueOrThrow({ where: { id: classId }, select: { sections: true } });
      const added = [...new Set(sections)].filter((section) => !known.includes(section));
      if (added.length) await tx.class.update({ where: { id: classId }, data: { sections: [...known, ...added.sort((a, b) => a.localeCompare(b, "zh-TW"))] } });
    }
    for (const row of plan.add) {
      const fields = { rosterName: row.name, studentNumber: row.studentNumber, section: row.section };
      if (row.userId) {
        await tx.enrollment.upsert({
          where: { classId_userId: { classId, userId: row.userId } },
          create: { classId, userId: row.userId, role: "STUDENT", ...fields },
          update: fields,
        });
      } else {
        await tx.pendingEnrollment.upsert({ where: { classId_email: { classId, email: row.email } }, create: { classId, email: row.email, ...fields }, update: fields });
      }
    }
    for (const row of plan.update) {
      const fields = Object.fromEntries(row.changed.map((field) => [field, field === "rosterName" ? row.name : row[field]]));
      if (row.userId) await tx.enrollment.update({ where: { classId_userId: { classId, userId: row.userId } }, data: fields });
      else await tx.pendingEnrollment.update({ where: { classId_email: { classId, email: row.email } }, data: fields });
    }
    for (const member of plan.missing.filter((m) => removals.has(m.email))) {
      if (member.userId) await tx.enrollment.deleteMany({ where: { classId, userId: member.userId, role: "STUDENT" } });
      else await tx.pendingEnrollment.deleteMany({ where: { classId, email: member.email } });
    }
  });
}

export async function changeRole(db: TDb, classId: TAuthorizedClassId, userId: string, role: "INSTRUCTOR" | "TA" | "STUDENT") {
  const { count } = await db.enrollment.updateMany({ where: { classId, userId }, data: { role } });
  if (count === 0) throw new AppError("NOT_FOUND");
}

/** Takes a student off the roster; their attempts stay (they belong to the user and assignment). */
export async function removeMember(db: TDb, classId: TAuthorizedClassId, userId: string) {
  await db.enrollment.deleteMany({ where: { classId, userId } });
}

export async function approveMember(db: TDb, classId: TAuthorizedClassId, userId: string) {
  await db.enrollment.updateMany({ where: { classId, userId, status: "PENDING_APPROVAL" }, data: { status: "ACTIVE" } });
}

// No 0/O or 1/I/L, so a code read aloud or copied from a slide is typed right.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export function newJoinCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

export async function setJoinCode(db: TDb, classId: TAuthorizedClassId, input: { enabled: boolean; needsApproval: boolean }) {
  const current = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
  await db.class.update({
    where: { id: classId },
    data: { joinCode: input.enabled ? (current.joinCode ?? newJoinCode()) : null, joinNeedsApproval: input.needsApproval },
  });
}

export async function rotateJoinCode(db: TDb, classId: TAuthorizedClassId) {
  await db.class.update({ where: { id: classId }, data: { joinCode: newJoinCode() } });
}

/** Joins the class whose code this is; returns null when no class has it (or joining is off). */
export async function joinByCode(db: TDb, input: { code: string; userId: string }) {
  const klass = await db.class.findFirst({ where: { joinCode: input.code, archivedAt: null }, select: { id: true, name: true, joinNeedsApproval: true } });
  if (!klass) return null;
  const existing = await db.enrollment.findUnique({ where: { classId_userId: { classId: klass.id, userId: input.userId } } });
  if (!existing) {
    await db.enrollment.create({ data: { classId: klass.id, userId: input.userId, role: "STUDENT", status: klass.joinNeedsApproval ? "PENDING_APPROVAL" : "ACTIVE" } });
  }
  return { classId: klass.id, name: klass.name, status: existing?.status ?? (klass.joinNeedsApproval ? "PENDING_APPROVAL" : "ACTIVE") };
}

/** Turns roster rows waiting for this email into enrollments; runs at every sign-in. */
export async function activatePendingEnrollments(db: TDb, input: { userId: string; email: string }) {
  const pending = await db.pendingEnrollment.findMany({ where: { email: input.email } });
  for (const row of pending) {
    await db.$transaction([
      db.enrollment.upsert({
        where: { classId_userId: { classId: row.classId, userId: input.userId } },
        create: { classId: row.classId, userId: input.userId, role: row.role, rosterName: row.rosterName, studentNumber: row.studentNumber, section: row.section },
        update: {},
      }),
      db.pendingEnrollment.delete({ where: { id: row.id } }),
    ]);
  }
  return pending.length;
}
