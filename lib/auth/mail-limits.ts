import type { TDb } from "@/lib/core/db";
import { hitRateLimits, type TRateVerdict } from "@/lib/core/rate-limit";

// Reset and sign-in-link mails: at most a few to one address and a few dozen from one client in a
// while, counted whether or not the address has an account (so the answer reveals nothing).

export const MAILS_PER_ADDRESS = { limit: 3, windowSeconds: 15 * 60 };
export const MAILS_PER_CLIENT = { limit: 20, windowSeconds: 60 * 60 };

export function hitMailLimits(db: Pick<TDb, "$queryRaw">, email: string, client: string | null, now?: Date): Promise<TRateVerdict> {
  return hitRateLimits(db, [{ key: `mail-to:${email.toLowerCase()}`, rule: MAILS_PER_ADDRESS }, ...(client ? [{ key: `mail-from:${client}`, rule: MAILS_PER_CLIENT }] : [])], now);
}

/**
 * Before next-auth handles a request for an emailed sign-in link: over a limit, the reply is what
 * next-auth's client reads as an error ("EmailThrottled"), and no mail is sent.
 */
export async function refuseEmailLinkOverLimit(db: Pick<TDb, "$queryRaw">, request: Request, client: string | null): Promise<Response | null> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/signin/email")) return null;
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase().slice(0, 320);
  if (!email) return null;
  const verdict = await hitMailLimits(db, email, client);
  if (verdict.allowed) return null;
  const url = new URL("/signin?error=EmailThrottled", request.url).toString();
  return Response.json({ url }, { headers: { "Retry-After": String(verdict.retryAfterSeconds), "Cache-Control": "no-store" } });
}
