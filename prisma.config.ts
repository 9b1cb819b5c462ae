import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this. The app connects through @prisma/adapter-pg (lib/core/db.ts)
// and applies migrations with scripts/db-migrate.ts, since the schema engine is not available
// on every machine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/jielong" },
});
