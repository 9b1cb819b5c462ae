import { db } from "@/lib/core/db";
import { finaliseOverdueAttempts } from "./mutations";

const INTERVAL_MS = 10_000;
const globalForSweep = globalThis as unknown as { jielongOverdueSweep?: ReturnType<typeof setInterval> };

/**
 * The background job that submits attempts whose deadline and grace period have passed, with
 * their saved answers. Every app process runs it; each submission locks its attempt, so two
 * processes never submit one twice. (Pages also finalise an overdue attempt when it is opened.)
 */
export function startOverdueSweep() {
  if (globalForSweep.jielongOverdueSweep) return;
  let running = false;
  globalForSweep.jielongOverdueSweep = setInterval(() => {
    if (running) return;
    running = true;
    finaliseOverdueAttempts(db)
      .then((count) => {
        if (count) console.log(`✔ submitted ${count} overdue attempt(s) with their saved answers`);
      })
      .catch((error: unknown) => console.error("Overdue attempts could not be submitted; retrying in 10 s:", error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  globalForSweep.jielongOverdueSweep.unref();
}
