import { migrate, MigrationError } from "@/lib/core/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ DATABASE_URL is not set. `npm start` migrates its embedded database by itself.");
  process.exit(1);
}
try {
  const { applied } = await migrate({ connectionString: url, log: console.log });
  console.log(applied.length ? `✔ ${applied.length} migration(s) applied` : "✔ Database schema is up to date");
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(`✖ ${error.message}`);
  process.exit(1);
}
