// `npm run bench <name> [-- options]`: runs scripts/bench/<name>.ts (same as `npm run bench:<name>`).
import { readdirSync } from "node:fs";
import path from "node:path";

const available = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith(".ts") && !["index.ts", "harness.ts"].includes(file))
  .map((file) => file.replace(/\.ts$/, ""));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench <${available.join("|")}> [-- options]`);
  process.exit(name ? 1 : 0);
}
process.argv.splice(2, 1);
await import(path.join(import.meta.dirname, `${name}.ts`));
