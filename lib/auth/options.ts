import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/core/db";
import { activatePendingEnrollments } from "@/lib/roster/mutations";
import { verifyPassword } from "./password";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) });

export const authOptions: NextAuthOptions = {
  // Credentials sign-in needs JWT sessions in next-auth v4. Sessions outlast any exam.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        // Same work and same answer whether the email is unknown or the password is wrong.
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  events: {
    // Roster rows waiting for this email become enrollments, whichever way the person signed in.
    async signIn({ user }) {
      if (user.id && user.email) await activatePendingEnrollments(db, { userId: user.id, email: user.email.toLowerCase() });
    },
  },
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
