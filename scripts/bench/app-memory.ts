// `npm run bench app-memory -- --url http://localhost:3000`: against a running `npm start` (demo
// mode, models installed), prints the resident memory of the web server and the grading worker
// before and after a signed-in student runs the word chain (which makes the worker's model work).
import { execSync } from "node:child_process";

const base = process.argv.find((_, i, all) => all[i - 1] === "--url") ?? "http://localhost:3000";
const cookies = new Map<string, string>();
async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(base + path, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(";")[0]!;
    cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return response;
}
function resident(): string[] {
  return execSync("ps -eo rss,args")
    .toString()
    .split("\n")
    .filter((line) => /scripts\/serve\.mjs|scripts\/worker\.ts/.test(line) && !line.includes("ps -eo"))
    .map((line) => {
      const [kb, ...command] = line.trim().split(/\s+/);
      return `${(Number(kb) / 1024).toFixed(0).padStart(6)} MB  ${/serve\.mjs/.test(command.join(" ")) ? "web server (scripts/serve.mjs)" : "grading worker (scripts/worker.ts)"}`;
    });
}

const { csrfToken } = (await (await call("/api/auth/csrf")).json()) as { csrfToken: string };
await call("/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, email: "student1@example.com", password: "jielong-demo", json: "true" }) });
console.log(`before:\n${resident().join("\n")}`);
const started = performance.now();
const chain = await call("/api/playground", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prefix: "今天天氣很", temperature: 0, steps: 8 }) });
const lines = (await chain.text()).split("\n").filter(Boolean);
console.log(`word chain: HTTP ${chain.status}, ${lines.length} lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`after:\n${resident().join("\n")}`);
