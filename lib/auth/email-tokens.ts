import { createHash, randomBytes } from "node:crypto";
import type { TDb } from "@/lib/core/db";

// Single-use links by email (password reset, account unlock). Only a hash of the token is
// stored, in next-auth's VerificationToken table, so a database leak reveals no working link.
export type TTokenPurpose = "reset" | "unlock";
const TTL_MINUTES: Record<TTokenPurpose, number> = { reset: 30, unlock: 24 * 60 };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createEmailToken(db: TDb, purpose: TTokenPurpose, email: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.verificationToken.deleteMany({ where: { identifier: `${purpose}:${email}` } });
  await db.verificationToken.create({
    data: { identifier: `${purpose}:${email}`, token: hashToken(token), expires: new Date(now.getTime() + TTL_MINUTES[purpose] * 60_000) },
  });
  return token;
}

/** The email the token was made for, once: using it deletes it; expired tokens give null. */
export async function consumeEmailToken(db: TDb, purpose: TTokenPurpose, token: string, now = new Date()): Promise<string | null> {
  const row = await db.verificationToken.findUnique({ where: { token: hashToken(token) } });
  if (!row || !row.identifier.startsWith(`${purpose}:`)) return null;
  const { count } = await db.verificationToken.deleteMany({ where: { token: row.token } });
  if (count === 0 || row.expires < now) return null;
  return row.identifier.slice(purpose.length + 1);
}
