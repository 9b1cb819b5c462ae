import { createDb } from "@/lib/core/db";
import { readEnv } from "@/lib/core/env";

// `npm run admin:make -- someone@example.edu`: makes an existing account a site admin, who may
// create classes and grant teaching access to others at /admin/teachers. Needs DATABASE_URL.
const email = process.argv[2]?.trim().toLowerCase();
const env = readEnv();
if (!email || !env.DATABASE_URL) {
  console.error("Usage: DATABASE_URL=… npm run admin:make -- someone@example.edu (the account must have signed in once)");
  process.exit(2);
}
const db = createDb(env.DATABASE_URL);
const { count } = await db.user.updateMany({ where: { email }, data: { siteRole: "ADMIN", canTeach: true } });
await db.$disconnect();
if (count === 0) {
  console.error(`No account uses ${email}. Ask them to sign in once (emailed link or single sign-on), then run this again.`);
  process.exit(1);
}
console.log(`✔ ${email} is a site admin: they may create classes and grant teaching access at /admin/teachers.`);
