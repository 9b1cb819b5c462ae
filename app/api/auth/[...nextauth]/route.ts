import NextAuth from "next-auth";
import { refuseEmailLinkOverLimit } from "@/lib/auth/mail-limits";
import { authOptions } from "@/lib/auth/options";
import { clientAddress } from "@/lib/core/client-address";
import { db } from "@/lib/core/db";

const handler = NextAuth(authOptions);

type TContext = { params: Promise<{ nextauth: string[] }> };

export { handler as GET };

/** next-auth's handler; requests for an emailed sign-in link are limited per address and client first */
export async function POST(request: Request, context: TContext) {
  return (await refuseEmailLinkOverLimit(db, request, clientAddress(request.headers))) ?? handler(request, context);
}
