"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/core/db";
import { fieldErrors, guarded } from "@/lib/core/action-result";
import { AppError } from "@/lib/core/errors";
import { ZId, zText } from "@/lib/core/text";
import { requireClassRole, requireSiteAdmin, requireUser } from "@/lib/core/session";
import { findRosterForImport } from "./data";
import { applyRosterPlan, approveMember, changeRole, createClass, joinByCode, removeMember, rotateJoinCode, setJoinCode, updateClass } from "./mutations";
import { decodeRosterBytes, parseRosterCsv, type TRosterRowError } from "./parse-roster-csv";
import { planRosterImport, previewOf, type TRosterPreview } from "./plan-roster-import";
import { grantTeaching, withdrawTeaching } from "./teaching";
import { IMPORT_BATCH, MAX_UPLOAD_BYTES, ZClassFields, ZJoinCode, ZRole, type TActionResult } from "./schema";


/** Only someone who may teach (see User.canTeach) creates classes: anyone else could enrol strangers. */
export async function createClassAction(input: unknown): Promise<TActionResult> {
  const user = await requireUser();
  if (!user.canTeach) return { ok: false as const, code: "FORBIDDEN" };
  const parsed = ZClassFields.safeParse(input);
  if (!parsed.success) return { ok: false as const, code: "INVALID_INPUT", fields: fieldErrors(parsed.error) };
  const { id } = await createClass(db, { ...parsed.data, instructorId: user.id });
  redirect(`/classes/${id}/roster`);
}

export async function updateClassAction(classId: unknown, input: unknown): Promise<TActionResult> {
  return guarded(async () => {
    const parsed = ZClassFields.extend({ archived: z.boolean() }).safeParse(input);
    if (!parsed.success) return { ok: false as const, code: "INVALID_INPUT", fields: fieldErrors(parsed.error) };
    const { classId: id } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR"]);
    await updateClass(db, id, parsed.data);
    return { ok: true as const };
  });
}

type TPreview = { text: string; plan: TRosterPreview; errors: TRosterRowError[] };

/** Reads an uploaded or pasted roster and shows what importing it would change; saves nothing. */
export async function previewRosterImportAction(classId: unknown, form: FormData): Promise<TActionResult<TPreview>> {
  return guarded(async () => {
    const { classId: id } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR"]);
    const file = form.get("file");
    let text = typeof form.get("text") === "string" ? (form.get("text") as string) : "";
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_UPLOAD_BYTES) return { ok: false, code: "roster.too_big" };
      const decoded = decodeRosterBytes(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) return { ok: false, code: `roster.${decoded.problem}` };
      text = decoded.text;
    }
    const parsed = parseRosterCsv(text);
    if (!parsed.ok) return { ok: false, code: `roster.${parsed.problem}` };
    const current = await findRosterForImport(id, parsed.rows.map((row) => row.email));
    return { ok: true as const, text, plan: previewOf(planRosterImport({ rows: parsed.rows, ...current })), errors: parsed.errors };
  });
}

/**
 * Applies the next batch of an import, re-planned from the file each time: a retry or a
 * second import of the same file changes nothing, and a long file reports its progress.
 */
export async function commitRosterImportAction(classId: unknown, input: unknown): Promise<TActionResult<{ remaining: number; done: boolean }>> {
  return guarded(async () => {
    const parsedInput = z.object({ text: zText(MAX_UPLOAD_BYTES), removals: z.array(zText(320)).max(20_000) }).safeParse(input);
    if (!parsedInput.success) return { ok: false, code: "INVALID_INPUT" };
    const { classId: id } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR"]);
    const parsed = parseRosterCsv(parsedInput.data.text);
    if (!parsed.ok) return { ok: false, code: `roster.${parsed.problem}` };
    const plan = planRosterImport({ rows: parsed.rows, ...(await findRosterForImport(id, parsed.rows.map((row) => row.email))) });
    const pending = plan.add.length + plan.update.length;
    if (pending > 0) {
      const add = plan.add.slice(0, IMPORT_BATCH);
      const update = plan.update.slice(0, IMPORT_BATCH - add.length);
      await applyRosterPlan(db, id, { ...plan, add, update, missing: [] }, []);
      const remaining = pending - add.length - update.length;
      return { ok: true as const, remaining, done: false };
    }
    await applyRosterPlan(db, id, { ...plan, add: [], update: [] }, parsedInput.data.removals);
    return { ok: true as const, remaining: 0, done: true };
  });
}

const ZMember = z.object({ classId: ZId, userId: ZId });

export async function changeRoleAction(input: unknown): Promise<TActionResult> {
  return guarded(async () => {
    const parsed = ZMember.extend({ role: ZRole }).parse(input);
    const { classId } = await requireClassRole(parsed.classId, ["INSTRUCTOR"]);
    await ensureAnotherInstructorRemains(classId, parsed.userId, parsed.role);
    await changeRole(db, classId, parsed.userId, parsed.role);
    return { ok: true as const };
  });
}

export async function removeMemberAction(input: unknown): Promise<TActionResult> {
  return guarded(async () => {
    const parsed = ZMember.parse(input);
    const { classId } = await requireClassRole(parsed.classId, ["INSTRUCTOR"]);
    await ensureAnotherInstructorRemains(classId, parsed.userId, null);
    await removeMember(db, classId, parsed.userId);
    return { ok: true as const };
  });
}

export async function approveMemberAction(input: unknown): Promise<TActionResult> {
  return guarded(async () => {
    const parsed = ZMember.parse(input);
    const { classId } = await requireClassRole(parsed.classId, ["INSTRUCTOR", "TA"]);
    await approveMember(db, classId, parsed.userId);
    return { ok: true as const };
  });
}

async function ensureAnotherInstructorRemains(classId: string, userId: string, newRole: string | null) {
  if (newRole === "INSTRUCTOR") return;
  const target = await db.enrollment.findUnique({ where: { classId_userId: { classId, userId } }, select: { role: true } });
  if (!target) throw new AppError("NOT_FOUND");
  if (target.role !== "INSTRUCTOR") return;
  const instructors = await db.enrollment.count({ where: { classId, role: "INSTRUCTOR" } });
  if (instructors <= 1) throw new AppError("LAST_INSTRUCTOR");
}

export async function joinSettingsAction(classId: unknown, input: unknown): Promise<TActionResult> {
  return guarded(async () => {
    const parsed = z.object({ enabled: z.boolean(), needsApproval: z.boolean() }).parse(input);
    const { classId: id } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR"]);
    await setJoinCode(db, id, parsed);
    return { ok: true as const };
  });
}

export async function rotateJoinCodeAction(classId: unknown): Promise<TActionResult> {
  return guarded(async () => {
    const { classId: id } = await requireClassRole(ZId.parse(classId), ["INSTRUCTOR"]);
    await rotateJoinCode(db, id);
    return { ok: true as const };
  });
}

export async function joinClassAction(input: unknown): Promise<TActionResult<{ name: string; status: string }>> {
  const user = await requireUser("/join");
  const parsed = z.object({ code: ZJoinCode }).safeParse(input);
  if (!parsed.success) return { ok: false, code: "JOIN_CODE_UNKNOWN" };
  const joined = await joinByCode(db, { code: parsed.data.code, userId: user.id });
  if (!joined) return { ok: false, code: "JOIN_CODE_UNKNOWN" };
  return { ok: true, name: joined.name, status: joined.status };
}

const ZEmail = z.string().trim().toLowerCase().email().max(320);

/** Site admins: lets the account with this email create classes */
export async function grantTeachingAction(input: unknown): Promise<TActionResult> {
  return guarded(async () => {
    await requireSiteAdmin();
    const { email } = z.object({ email: ZEmail }).parse(input);
    await grantTeaching(db, email);
    revalidatePath("/admin/teachers");
    return { ok: true as const };
  });
}

/** Site admins: withdraws teaching access (classes already taught stay as they are) */
export async function withdrawTeachingAction(input: unknown): Promise<TActionResult> {
  return guarded(async () => {
    await requireSiteAdmin();
    const { userId } = z.object({ userId: ZId }).parse(input);
    await withdrawTeaching(db, userId);
    revalidatePath("/admin/teachers");
    return { ok: true as const };
  });
}
