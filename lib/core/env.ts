import { z } from "zod";

// Every setting Jielong reads from the environment, in one place (see the README's table).
const ZEnv = z.object({
  DATABASE_URL: z.string().url().optional().describe("PostgreSQL connection URL; unset means embedded PostgreSQL in demo mode"),
  NEXTAUTH_SECRET: z.string().min(16).optional().describe("Signs session tokens; generated and kept in the data folder when unset"),
  NEXTAUTH_URL: z.string().url().optional().describe("Public address of the app; defaults to http://localhost:PORT"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  JIELONG_DATA_DIR: z.string().default(".data").describe("Where embedded PostgreSQL and generated secrets live"),
  JIELONG_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  JIELONG_SEED_DEMO: z.enum(["0", "1"]).optional().describe("Force (1) or skip (0) the demo accounts"),
  JIELONG_WORKER: z.enum(["inline", "external"]).default("inline").describe("Run grading jobs inside the app (inline) or only in `npm run worker` (external)"),
  GRADER_PACE_MS: z.coerce.number().int().min(0).max(1000).default(15).describe("Milliseconds between the built-in grader's feedback tokens, for a readable stream; 0 sends at once"),
  GRADING_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(32).describe("Grading jobs one process runs at once"),
  LLM_BASE_URL: z.string().url().optional().describe("OpenAI-compatible endpoint for rubric grading (OpenAI, vLLM, Ollama, llama.cpp); unset means the built-in grader"),
  LLM_MODEL: z.string().min(1).optional().describe("Model name sent to LLM_BASE_URL"),
  LLM_API_KEY: z.string().optional().describe("API key for LLM_BASE_URL, if it needs one"),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000).describe("How long one model call may take before it is retried"),
  LLM_LANGUAGES: z.string().optional().describe("Languages the model at LLM_BASE_URL writes well enough for students (default zh-TW,en)"),
  EMBEDDINGS_BASE_URL: z.string().url().optional().describe("OpenAI-compatible embeddings endpoint for the semantic grader; unset means the installed local model"),
  EMBEDDINGS_MODEL: z.string().min(1).optional().describe("Model name sent to EMBEDDINGS_BASE_URL"),
  EMBEDDINGS_API_KEY: z.string().optional().describe("API key for EMBEDDINGS_BASE_URL, if it needs one"),
  JIELONG_TRUSTED_PROXIES: z.string().optional().describe("Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated"),
  JIELONG_MODELS: z.enum(["on", "off"]).default("on").describe("off: use no installed model (lexical grader, composed feedback)"),
  JIELONG_MODELS_DIR: z.string().optional().describe("Where `npm run models:install` puts the pinned models; default <JIELONG_DATA_DIR>/models"),
});

export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  // An empty variable means "not set", as in most shells' habits (DATABASE_URL= npm start).
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export class EnvError extends Error {}
