import "server-only";
import { db } from "@/lib/core/db";
import { feedbackReleased } from "@/lib/attempt/rules";
import type { TAuthorizedClassId } from "@/lib/core/session";

/** The classes a user belongs to, with what each role needs on the home page. */
export async function findMyClasses(userId: string) {
  const enrollments = await db.enrollment.findMany({
    where: { userId, class: { archivedAt: null } },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      status: true,
      class: {
        select: {
          id: true,
          name: true,
          term: true,
          _count: { select: { enrollments: { where: { role: "STUDENT" } } } },
          assignments: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              mode: true,
              closesAt: true,
              feedbackTiming: true,
              quizVersion: { select: { title: true } },
              attempts: {
                where: { userId, status: "SUBMITTED" },
                orderBy: { submittedAt: "desc" },
                take: 1,
                select: { id: true, score: true, maxScore: true },
              },
            },
          },
        },
      },
    },
  });
  return enrollments.map(({ role, status, class: klass }) => ({
    role,
    waiting: status === "PENDING_APPROVAL",
    id: klass.id,
    name: klass.name,
    term: klass.term,
    studentCount: klass._count.enrollments,
    assignments: status === "PENDING_APPROVAL" ? [] : klass.assignments.map((assignment) => ({
      id: assignment.id,
      mode: assignment.mode,
      closesAt: assignment.closesAt,
      title: assignment.quizVersion.title,
      lastAttempt: assignment.attempts[0] ?? null,
      // An exam whose results wait for its closing time shows no score before then.
      scoreReleased: feedbackReleased(assignment, new Date()),
    })),
  }));
}

export const ROSTER_SORTS = ["name", "email", "studentNumber", "section", "role", "joined"] as const;
export type TRosterQuery = { q: string; section: string; sort: (typeof ROSTER_SORTS)[number]; dir: "asc" | "desc"; page: number; pageSize: number };

/** People on the roster without an account yet are listed up to this many; the export has all. */
export const PENDING_SHOWN = 100;

/** One page of a class's roster, searched and sorted in the database (fast at 1,000 students). */
export async function findRosterPage(classId: TAuthorizedClassId, query: TRosterQuery) {
  const search = query.q.trim();
  const where = {
    classId,
    ...(query.section ? { section: query.section } : {}),
    ...(search
      ? {
          OR: [
            { rosterName: { contains: search, mode: "insensitive" as const } },
            { studentNumber: { contains: search, mode: "insensitive" as const } },
            { section: { contains: search, mode: "insensitive" as const } },
            { user: { email: { contains: search, mode: "insensitive" as const } } },
            { user: { name: { contains: search, mode: "insensitive" as const } } },
          ],
        }
      : {}),
  };
  const orderBy = {
    name: [{ rosterName: query.dir }, { user: { name: query.dir } }],
    email: [{ user: { email: query.dir } }],
    studentNumber: [{ studentNumber: query.dir }],
    section: [{ section: query.dir }],
    role: [{ role: query.dir }],
    joined: [{ createdAt: query.dir }],
  }[query.sort];
  const [total, rows, klass, pending] = await Promise.all([
    db.enrollment.count({ where }),
    db.enrollment.findMany({
      where,
      orderBy: [...orderBy, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        role: true,
        status: true,
        rosterName: true,
        studentNumber: true,
        section: true,
        createdAt: true,
        user: { select: { id: true, email: true, name: true } },
      },
    }),
    db.class.findUniqueOrThrow({ where: { id: classId }, select: { id: true, name: true, term: true, sections: true, archivedAt: true, joinCode: true, joinNeedsApproval: true } }),
    db.pendingEnrollment.findMany({ where: { classId }, orderBy: { email: "asc" }, take: PENDING_SHOWN, select: { email: true, rosterName: true, studentNumber: true, section: true } }),
  ]);
  const pendingTotal = pending.length < PENDING_SHOWN ? pending.length : await db.pendingEnrollment.count({ where: { classId } });
  return { klass, total, rows, pending, pendingTotal };
}

/** Everyone on the roster, for the CSV export. */
export async function findRosterForExport(classId: TAuthorizedClassId) {
  const [members, pending] = await Promise.all([
    db.enrollment.findMany({
      where: { classId },
      orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
      select: { role: true, status: true, rosterName: true, studentNumber: true, section: true, user: { select: { email: true, name: true } } },
    }),
    db.pendingEnrollment.findMany({ where: { classId }, orderBy: { email: "asc" } }),
  ]);
  return { members, pending };
}

/** The roster as the import planner needs it, plus which emails already have accounts. */
export async function findRosterForImport(classId: TAuthorizedClassId, emails: string[]) {
  const [members, pending, accounts] = await Promise.all([
    db.enrollment.findMany({ where: { classId }, select: { role: true, rosterName: true, studentNumber: true, section: true, user: { select: { id: true, email: true } } } }),
    db.pendingEnrollment.findMany({ where: { classId } }),
    db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }),
  ]);
  return {
    members: [
      ...members.map((m) => ({ email: m.user.email, userId: m.user.id, role: m.role, rosterName: m.rosterName, studentNumber: m.studentNumber, section: m.section })),
      ...pending.map((p) => ({ email: p.email, userId: null, role: p.role, rosterName: p.rosterName, studentNumber: p.studentNumber, section: p.section })),
    ],
    accounts: new Map(accounts.map((account) => [account.email, account.id])),
  };
}
