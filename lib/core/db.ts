import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type TDb = PrismaClient;

/** Connections per app process: enough for a burst of submissions, few enough for PostgreSQL's default of 100. */
const POOL_SIZE = 20;

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: POOL_SIZE }) });
}

// One client per process. Next's dev server reloads modules, so the client lives on globalThis.
const globalForDb = globalThis as unknown as { jielongDb?: PrismaClient };

function connectionStringFromEnv(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start Jielong with `npm start`, which provides a database.");
  }
  return url;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.jielongDb ??= createDb(connectionStringFromEnv());
    const value = Reflect.get(globalForDb.jielongDb, property);
    return typeof value === "function" ? value.bind(globalForDb.jielongDb) : value;
  },
});
