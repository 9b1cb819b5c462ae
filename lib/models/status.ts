import { chatModel } from "./chat";
import { embedder } from "./embed";
import { installModel, ModelInstallError } from "./install";
import { installedModel } from "./installed";
import { PINNED_MODELS } from "./manifest";

// What `npm start` says about models, and the install it runs in demo mode when they are missing.

/** Installs the pinned models that are missing; returns a one-line reason when it could not. */
export async function installMissingModels(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.JIELONG_MODELS === "off") return null;
  for (const model of PINNED_MODELS) {
    // A configured server replaces the local model of the same role
    if (model.role === "embeddings" && env.EMBEDDINGS_BASE_URL) continue;
    if (model.role === "chat" && env.LLM_BASE_URL) continue;
    if (installedModel(model, env)) continue;
    try {
      await installModel(model, { log });
    } catch (error) {
      if (error instanceof ModelInstallError) return error.message;
      return error instanceof Error ? error.message : String(error);
    }
  }
  return null;
}

/** One line per role: which model grades and which writes feedback, or why there is none */
export function describeModels(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.JIELONG_MODELS === "off") return ["Models are off (JIELONG_MODELS=off): open answers are graded by the lexical grader, labelled as such on every result."];
  const embeddings = embedder(env);
  const chat = chatModel(env);
  return [
    embeddings
      ? `Open answers: semantic grader with ${embeddings.name} (${embeddings.source === "local" ? "installed locally" : `at ${env.EMBEDDINGS_BASE_URL}`})`
      : "Open answers: no embeddings model, so the lexical grader grades them, labelled as such on every result (npm run models:install to add one)",
    chat
      ? `Feedback and word chain: ${chat.name} (${chat.source === "local" ? "runs in this process" : `at ${env.LLM_BASE_URL}`}), writing ${chat.languages.join(" and ")}`
      : "Feedback: no language model, so feedback is composed from the rubric (npm run models:install to add one)",
  ];
}
