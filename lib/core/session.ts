import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { validSessionUser } from "@/lib/auth/session-validity";
import { db } from "./db";
import { AppError, isAppError } from "./errors";

/** `canTeach`: may create classes (a capability; site admins always may) */
export type TSessionUser = { id: string; email: string; name: string | null; siteRole: "USER" | "ADMIN"; canTeach: boolean };
export type TClassRole = "INSTRUCTOR" | "TA" | "STUDENT";

declare const authorizedClassBrand: unique symbol;
/** A class id proven to be one the caller holds a role in; only requireClassRole makes one. */
export type TAuthorizedClassId = string & { readonly [authorizedClassBrand]: true };

export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  // The session is next-auth's signed and encrypted JWT cookie; reading it directly costs a
  // fraction of getServerSession, which runs the whole next-auth handler on every request.
  const token = await getToken({ req: { cookies: await cookies() } as unknown as Parameters<typeof getToken>[0]["req"] });
  if (!token) return null;
  // The token may outlive the account, a "sign out everywhere" or its own sign-out; the database has the last word.
  const user = await validSessionUser(db, token);
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, siteRole: user.siteRole, canTeach: user.canTeach || user.siteRole === "ADMIN" };
});

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(returnTo?: string): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return user;
}

/** A site administrator; anyone else gets the page that does not exist (pages) or FORBIDDEN (actions) */
export async function requireSiteAdmin(returnTo?: string, options: { page?: boolean } = {}): Promise<TSessionUser> {
  const user = await requireUser(returnTo);
  if (user.siteRole !== "ADMIN") {
    if (options.page) notFound();
    throw new AppError("FORBIDDEN");
  }
  return user;
}

/** For JSON route handlers: the signed-in user, or UNAUTHENTICATED (a 401, never a redirect). */
export async function requireApiUser(): Promise<TSessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** Checks the caller's role in a class; throws FORBIDDEN (or NOT_FOUND) otherwise. */
export async function requireClassRole(
  classId: string,
  roles: readonly TClassRole[],
  returnTo?: string,
): Promise<{ user: TSessionUser; classId: TAuthorizedClassId; role: TClassRole }> {
  return classRoleOf(await requireUser(returnTo), classId, roles);
}

/** The same check for JSON route handlers: an anonymous caller gets UNAUTHENTICATED (401). */
export async function requireApiClassRole(classId: string, roles: readonly TClassRole[]) {
  return classRoleOf(await requireApiUser(), classId, roles);
}

async function classRoleOf(user: TSessionUser, classId: string, roles: readonly TClassRole[]) {
  const enrollment = await db.enrollment.findUnique({
    where: { classId_userId: { classId, userId: user.id } },
    select: { role: true, status: true },
  });
  // A site admin acts as an instructor of every class that exists.
  if (user.siteRole === "ADMIN" && roles.includes("INSTRUCTOR") && (enrollment || (await db.class.count({ where: { id: classId } })))) {
    return { user, classId: classId as TAuthorizedClassId, role: "INSTRUCTOR" as TClassRole };
  }
  if (!enrollment || enrollment.status !== "ACTIVE") throw new AppError("NOT_FOUND");
  if (!roles.includes(enrollment.role)) throw new AppError("FORBIDDEN");
  return { user, classId: classId as TAuthorizedClassId, role: enrollment.role };
}

/** For pages: a class the caller has no place in simply does not exist for them. */
export async function requireClassRoleOrNotFound(classId: string, roles: readonly TClassRole[], returnTo?: string) {
  try {
    return await requireClassRole(classId, roles, returnTo);
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}
