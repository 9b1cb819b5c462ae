"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/core/client-address";
import { zText } from "@/lib/core/text";
import { db } from "@/lib/core/db";
import { appUrl, sendMail } from "@/lib/core/mailer";
import { requireUser } from "@/lib/core/session";
import { consumeEmailToken, createEmailToken } from "./email-tokens";
import { hitMailLimits } from "./mail-limits";
import { hashPassword } from "./password";
import { checkNewPassword } from "./password-policy";
import { clearThrottle, throttleKeys } from "./throttle";

type TResult = { ok: true } | { ok: false; code: "INVALID_INPUT" | "LINK_INVALID" | "TOO_MANY_REQUESTS" | "too_short" | "too_long" | "too_common" };

/**
 * Always answers the same and in the same time, so nobody learns which emails have accounts: the
 * answer goes out first, and only then is the account looked up and the mail sent. Mails are
 * limited per address and per client, for every address alike.
 */
export async function requestPasswordResetAction(input: unknown): Promise<TResult> {
  const parsed = z.object({ email: z.string().trim().toLowerCase().email().max(320) }).safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT" };
  const email = parsed.data.email;
  const limit = await hitMailLimits(db, email, clientAddress(await headers()));
  if (!limit.allowed) return { ok: false, code: "TOO_MANY_REQUESTS" };
  after(() => sendResetMail(email));
  return { ok: true };
}

async function sendResetMail(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { email: true } });
  if (!user) return;
  const token = await createEmailToken(db, "reset", user.email);
  await sendMail({
    to: user.email,
    subject: "Jielong 接龍：重設密碼 / Reset your password",
    text: `請開啟以下連結設定新密碼（30 分鐘內有效，只能用一次）：\nOpen this link to choose a new password (valid for 30 minutes, once):\n\n${appUrl(`/reset-password?token=${token}`)}\n\n若你沒有要求重設密碼，請忽略這封信。\nIf you did not ask for this, ignore this email.\n`,
  });
}

export async function resetPasswordAction(input: unknown): Promise<TResult> {
  const parsed = z.object({ token: zText(200).min(10), password: zText(1024) }).safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT" };
  const problem = checkNewPassword(parsed.data.password);
  if (problem) return { ok: false, code: problem };
  const email = await consumeEmailToken(db, "reset", parsed.data.token);
  if (!email) return { ok: false, code: "LINK_INVALID" };
  // A new password also ends every other session and lifts any sign-in lock.
  await db.user.update({ where: { email }, data: { passwordHash: await hashPassword(parsed.data.password), sessionVersion: { increment: 1 } } });
  await clearThrottle(db, throttleKeys(email, null));
  return { ok: true };
}

export async function unlockAccountAction(input: unknown): Promise<TResult> {
  const parsed = z.object({ token: zText(200).min(10) }).safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT" };
  const email = await consumeEmailToken(db, "unlock", parsed.data.token);
  if (!email) return { ok: false, code: "LINK_INVALID" };
  await clearThrottle(db, throttleKeys(email, null));
  return { ok: true };
}

/** Ends every session of this user on every device, this one included. */
export async function signOutEverywhereAction(): Promise<{ ok: true }> {
  const user = await requireUser();
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  return { ok: true };
}
