import { startTestLlmServer } from "./test-llm-server";

// The test LLM server in a process of its own (for benchmarks, so that its timers do not wait on
// the measured process): prints its URL, serves until killed.
const delayMs = Number(process.argv.find((_, i, all) => all[i - 1] === "--delay-ms") ?? 0);
const server = await startTestLlmServer({ delayMs, gullible: false });
console.log(`test-llm-server ${server.url}`);
