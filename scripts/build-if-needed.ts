import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

// `npm start` builds the app the first time and again whenever its source changed, so a
// fresh clone needs no separate build step and a restart takes seconds.
const INPUTS = ["app", "components", "lib", "messages", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const STAMP = path.join(".next", "jielong-source-fingerprint");

async function fingerprint(): Promise<string> {
  const hash = createHash("sha256");
  async function visit(entry: string) {
    if (!existsSync(entry)) return;
    const info = await stat(entry);
    if (info.isDirectory()) {
      for (const child of (await readdir(entry)).sort()) await visit(path.join(entry, child));
    } else {
      hash.update(`${entry}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  for (const input of INPUTS) await visit(input);
  return hash.digest("hex");
}

export async function buildIfNeeded(): Promise<void> {
  const current = await fingerprint();
  const previous = await readFile(STAMP, "utf8").catch(() => "");
  if (previous === current && existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log("▸ Building the web app (first start or changed source; this takes a minute or two) …");
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  await writeFile(STAMP, current);
}
