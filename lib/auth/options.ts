import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { z } from "zod";
import { db } from "@/lib/core/db";
import { clientAddress } from "@/lib/core/client-address";
import { claimGrantsTeaching } from "@/lib/roster/teaching";
import { appUrl, sendMail } from "@/lib/core/mailer";
import { safeReturnPath } from "@/lib/core/return-path";
import { newSessionId, revokeSession, SESSION_ENDED, SESSION_MAX_AGE_SECONDS, validSessionUser } from "./session-validity";
import { activatePendingEnrollments } from "@/lib/roster/mutations";
import { createEmailToken } from "./email-tokens";
import { verifyPassword } from "./password";
import { checkThrottle, clearThrottle, LOCK_AFTER, recordFailure, throttleKeys } from "./throttle";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) });

async function sendUnlockMail(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return; // nothing to unlock, and nothing to tell anyone
  const token = await createEmailToken(db, "unlock", email);
  await sendMail({
    to: email,
    subject: "Jielong 接龍：解鎖你的帳號 / Unlock your account",
    text: `你的帳號因連續 ${LOCK_AFTER} 次登入失敗而被鎖定。若是你本人，請開啟以下連結解鎖（24 小時內有效，只能用一次）：\nYour account was locked after ${LOCK_AFTER} failed sign-ins in a row. If this was you, open this link to unlock it (valid for 24 hours, once):\n\n${appUrl(`/unlock?token=${token}`)}\n`,
  });
}

/**
 * University single sign-on through OpenID Connect, when OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET are set. The university vouches for the email, so an SSO sign-in joins
 * the account (and any roster rows) that already use that email.
 */
function universityProvider(): Provider[] {
  const issuer = process.env.OIDC_ISSUER?.replace(/\/$/, "");
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "university",
      name: process.env.OIDC_NAME ?? "University single sign-on",
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId,
      clientSecret,
      // The verified ID token must carry the email claim (most university identity providers
      // put it there when the "email" scope is asked for).
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      allowDangerousEmailAccountLinking: true,
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: (profile.email ?? "").toLowerCase(), name: profile.name ?? null };
      },
    },
  ];
}

export function ssoProviderName(): string | null {
  return universityProvider()[0]?.name ?? null;
}

export const authOptions: NextAuthOptions = {
  // The adapter keeps users and emailed sign-in tokens in PostgreSQL (next-auth's tables).
  // It is written for @prisma/client; our generated client has the same model API.
  adapter: PrismaAdapter(db as never) as Adapter,
  // Credentials sign-in needs JWT sessions in next-auth v4. A week, renewed while in use: it
  // outlasts any exam; signing out revokes the token itself (lib/auth/session-validity.ts).
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  logger: {
    error(code, metadata) {
      // A revoked or outdated session being cleared is expected, not an error
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: string } | undefined)?.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  pages: { signIn: "/signin", verifyRequest: "/signin?sent=1", error: "/signin" },
  providers: [
    ...universityProvider(),
    EmailProvider({
      // Sign-in links expire after 15 minutes and work once (next-auth stores only their hash).
      maxAge: 15 * 60,
      async sendVerificationRequest({ identifier, url }) {
        await sendMail({
          to: identifier,
          subject: "Jielong 接龍：你的登入連結 / Your sign-in link",
          text: `開啟以下連結即可登入接龍（15 分鐘內有效，只能用一次）：
Open this link to sign in to Jielong (valid for 15 minutes, once):

${url}

若你沒有要求登入，請忽略這封信。
If you did not ask to sign in, ignore this email.
`,
        });
      },
    }),
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const keys = throttleKeys(parsed.data.email, clientAddress(request?.headers));
        // Throttling is keyed on the email typed, account or not, so it reveals nothing.
        const verdict = await checkThrottle(db, keys);
        if (!verdict.allowed) throw new Error(verdict.reason === "locked" ? "LOCKED" : `THROTTLED:${verdict.retryAfterSeconds}`);
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        // Same work and same answer whether the email is unknown or the password is wrong.
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok) {
          const failures = await recordFailure(db, keys);
          if (failures === LOCK_AFTER) await sendUnlockMail(parsed.data.email);
          return null;
        }
        // Only the email's count: a client spraying other emails cannot reset its own by signing in to one account
        await clearThrottle(db, keys.filter((key) => key.startsWith("email:")));
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    // Roster rows waiting for this email become enrollments, whichever way the person signed in.
    async signIn({ user }) {
      if (user.id && user.email) await activatePendingEnrollments(db, { userId: user.id, email: user.email.toLowerCase() });
    },
    // Signing out ends this device's session for good, not just its cookie
    async signOut({ token }) {
      if (token) await revokeSession(db, token);
    },
  },
  callbacks: {
    // After signing in or out, only a path on this site (see lib/core/return-path.ts)
    redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      return new URL(safeReturnPath(url, origin), origin).toString();
    },
    // Every account needs an email: it is how rosters find people.
    signIn({ user }) {
      return Boolean(user.email);
    },
    async jwt({ token, user, account, profile }) {
      if (user) {
        // The university's identity provider says this person teaches (OIDC_INSTRUCTOR_CLAIM): only
        // here does next-auth hand over its raw claims
        if (account?.provider === "university" && claimGrantsTeaching(profile as Record<string, unknown> | undefined)) {
          await db.user.update({ where: { id: user.id }, data: { canTeach: true } });
        }
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = newSessionId();
        return token;
      }
      // A refresh (/api/auth/session): a revoked or outdated token gets no session and loses its cookie
      if (!(await validSessionUser(db, token))) throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sv: token.sv ?? 0 });
      return session;
    },
  },
};
