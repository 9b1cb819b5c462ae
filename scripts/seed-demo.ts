import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { createDb } from "@/lib/core/db";
import { seedDemoCohort } from "@/lib/analytics/seed-demo-cohort";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/lib/roster/seed-demo";

// `npm run db:seed-demo`: adds the demo class and accounts to the database in DATABASE_URL.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ DATABASE_URL is not set. `npm start` without it creates the demo accounts by itself.");
  process.exit(1);
}
const db = createDb(url);
await syncContent(db, await loadContent());
await seedDemo(db);
await seedDemoCohort(db, { instructorEmail: DEMO_ACCOUNTS[0].email });
await db.$disconnect();
console.log(`✔ Demo accounts ready (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
