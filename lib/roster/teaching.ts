import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";

// Teaching access (User.canTeach): who may create classes. A site admin grants and withdraws it
// here; single sign-on grants it from a claim (lib/auth/options.ts); the demo seed gives it to the
// demo instructor. Withdrawing it leaves the classes a person already teaches as they are.

export async function findTeachers(db: TDb) {
  return db.user.findMany({ where: { canTeach: true }, orderBy: { email: "asc" }, select: { id: true, email: true, name: true, siteRole: true } });
}

/** Grants teaching access to the account with this email; NOT_FOUND when there is none */
export async function grantTeaching(db: TDb, email: string): Promise<void> {
  const { count } = await db.user.updateMany({ where: { email: email.toLowerCase() }, data: { canTeach: true } });
  if (count === 0) throw new AppError("NOT_FOUND");
}

export async function withdrawTeaching(db: TDb, userId: string): Promise<void> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { canTeach: false } });
  if (count === 0) throw new AppError("NOT_FOUND");
}

/**
 * OIDC_INSTRUCTOR_CLAIM="name=value": a verified ID-token claim that marks a teacher, e.g.
 * "groups=teachers" or "eduPersonAffiliation=faculty"; the claim may be a string or a list.
 */
export function claimGrantsTeaching(profile: Record<string, unknown> | undefined, setting = process.env.OIDC_INSTRUCTOR_CLAIM): boolean {
  if (!profile || !setting?.includes("=")) return false;
  const [name, value] = [setting.slice(0, setting.indexOf("=")).trim(), setting.slice(setting.indexOf("=") + 1).trim()];
  const claim = profile[name];
  return Array.isArray(claim) ? claim.some((entry) => String(entry) === value) : typeof claim === "string" && claim === value;
}
