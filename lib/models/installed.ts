import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import type { TPinnedModel } from "./manifest";

// Where installed models live, and whether one is installed. The installer checks every file's
// sha256 and then writes a stamp; at start-up a model counts as installed when its stamp names
// the same version and every file has the pinned size (hashing 400 MB on every start would be slow).

export function modelsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.JIELONG_MODELS_DIR || path.join(env.JIELONG_DATA_DIR || ".data", "models"));
}

export function modelDir(model: TPinnedModel, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(modelsDir(env), model.id);
}

export const STAMP = "installed.json";

export type TStamp = { id: string; version: string; wheels: string[]; installedAt: string };

/** The files an installed model keeps: the assembled file, or the files taken from its wheel */
export function keptFiles(model: TPinnedModel): { path: string; bytes: number }[] {
  return model.assemble ? [{ path: model.assemble.output, bytes: model.assemble.bytes }] : model.files;
}

/** The model's folder when it is installed as pinned, else null */
export function installedModel(model: TPinnedModel, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = modelDir(model, env);
  const stampFile = path.join(dir, STAMP);
  if (!existsSync(stampFile)) return null;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as TStamp;
    if (stamp.version !== model.version || stamp.wheels.join() !== model.wheels.map((w) => w.wheelSha256).join()) return null;
    for (const file of keptFiles(model)) {
      const full = path.join(dir, file.path);
      if (!existsSync(full) || statSync(full).size !== file.bytes) return null;
    }
    return dir;
  } catch {
    return null;
  }
}
