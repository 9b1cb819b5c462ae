// `npm run bench:fuzz [-- --cases N --seed S]`: the fuzz run of e2e/fuzz.spec.ts at full size
// (5,000 requests by default) against the e2e app; prints its figures (statuses, time, how the
// bystander's requests fared). `npm test` runs the same spec with 300.
import { spawnSync } from "node:child_process";

const arg = (name: string) => process.argv.find((_, i, all) => all[i - 1] === `--${name}`);
const result = spawnSync("npx", ["playwright", "test", "e2e/fuzz.spec.ts", "--reporter=list"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_CASES: arg("cases") ?? "5000", ...(arg("seed") ? { FUZZ_SEED: arg("seed") } : {}) },
});
process.exit(result.status ?? 1);
