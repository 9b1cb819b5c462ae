import { randomUUID } from "node:crypto";
import type { TDb } from "@/lib/core/db";

// A session token (next-auth's JWT cookie) stays valid only while (1) its account exists, (2) the
// account's session version is the one it was issued with ("sign out everywhere" raises it), and
// (3) its own session id has not been revoked by signing out on that device. Checked on every
// request that reads the session and whenever next-auth refreshes the token.

/** Session lifetime: rolling, renewed while the person keeps using the app */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Thrown in next-auth's jwt callback so it clears the cookie and answers with no session */
export const SESSION_ENDED = "SESSION_ENDED";

export function newSessionId(): string {
  return randomUUID();
}

export type TSessionClaims = { sub?: unknown; sv?: unknown; sid?: unknown };

/** The account behind a token, or null when the token no longer counts */
export async function validSessionUser(db: TDb, claims: TSessionClaims) {
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string") return null;
  const sv = typeof claims.sv === "number" ? claims.sv : 0;
  const [user, revoked] = await Promise.all([
    db.user.findUnique({ where: { id: claims.sub }, select: { id: true, email: true, name: true, siteRole: true, sessionVersion: true, canTeach: true } }),
    db.revokedSession.findUnique({ where: { sid: claims.sid }, select: { sid: true } }),
  ]);
  if (!user || revoked || user.sessionVersion !== sv) return null;
  return user;
}

/** Ends one session for good: its token is refused from now on, wherever it was copied to */
export async function revokeSession(db: TDb, claims: TSessionClaims & { exp?: unknown }, now = new Date()): Promise<void> {
  if (typeof claims.sid !== "string" || typeof claims.sub !== "string") return;
  const expiresAt = typeof claims.exp === "number" ? new Date(claims.exp * 1000) : new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.revokedSession.upsert({ where: { sid: claims.sid }, create: { sid: claims.sid, userId: claims.sub, expiresAt }, update: {} });
  // Rows outlive nothing: a token past its expiry is refused anyway
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}
