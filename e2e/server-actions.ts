import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.node.js";

// Calls a server action over HTTP the way React's client does (a forged call, as an attacker
// would make it): the action's id from the build's manifest, its arguments encoded by React.

/** "lib/x/actions.ts#name" → the action id of the current build */
export function serverActions(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

export type TActionReply = { status: number; redirect: string; result: unknown };

export async function callAction(request: APIRequestContext, actionId: string, args: unknown[], headers: Record<string, string> = {}): Promise<TActionReply> {
  const body = await encodeReply(args);
  const response = await request.post("/", {
    headers: { "Next-Action": actionId, Accept: "text/x-component", ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}), ...headers },
    ...(typeof body === "string" ? { data: body } : { multipart: Object.fromEntries([...body.entries()].map(([k, v]) => [k, String(v)])) }),
    maxRedirects: 0,
  });
  const redirect = response.headers()["x-action-redirect"] ?? response.headers()["location"] ?? "";
  if (redirect || response.status() !== 200) return { status: response.status(), redirect, result: null };
  const rows = new Map((await response.text()).split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]));
  const root = JSON.parse(rows.get("0") ?? "{}") as { a?: unknown };
  const result = typeof root.a === "string" && root.a.startsWith("$@") ? JSON.parse(rows.get(root.a.slice(2)) ?? "null") : root.a;
  return { status: response.status(), redirect, result };
}
