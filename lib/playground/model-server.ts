import "server-only";
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import { Readable } from "node:stream";
import { z } from "zod";
import type { TChatModel } from "@/lib/models/chat";
import { ZPlaygroundRequest } from "./schema";
import { playgroundStream } from "./stream";

// The word chain served by the grading worker process, which holds the local model: the web
// server forwards each (already checked and limited) request here over loopback, so the model is
// loaded once, in one process, and never on the web server. Only requests carrying the key that
// `npm start` gave both processes are answered.

const ZForwarded = z.object({ request: ZPlaygroundRequest, traditionalOnly: z.boolean() }).strict();
const MAX_BODY = 8 * 1024;

function keyMatches(given: string | undefined, key: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function startPlaygroundServer(options: { model: TChatModel; port: number; key: string }): Promise<() => Promise<void>> {
  const server = http.createServer((request, response) => {
    const refuse = (status: number) => response.writeHead(status, { "Content-Type": "text/plain" }).end();
    if (request.method !== "POST" || request.url !== "/playground") return refuse(404);
    if (!keyMatches(request.headers["x-jielong-worker-key"] as string | undefined, options.key)) return refuse(403);
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) request.destroy();
      else chunks.push(chunk);
    });
    request.on("end", () => {
      let body: z.infer<typeof ZForwarded>;
      try {
        body = ZForwarded.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        return refuse(400);
      }
      const gone = new AbortController();
      response.on("close", () => gone.abort(new Error("the web server went away")));
      const stream = playgroundStream({ model: options.model, request: body.request, traditionalOnly: body.traditionalOnly, signal: gone.signal, release: () => {} });
      response.writeHead(200, { "Content-Type": "application/x-ndjson; charset=utf-8" });
      Readable.fromWeb(stream as import("node:stream/web").ReadableStream).pipe(response);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () =>
      resolve(
        () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      ),
    );
  });
}
