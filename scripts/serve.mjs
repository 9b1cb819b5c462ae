// The production web server: Next.js behind Node's own HTTP server, so that the address of the
// connection's other end is known. It is passed on as `x-jielong-peer` (overwriting anything a
// client sent under that name); lib/core/client-address.ts reads it, with X-Forwarded-For only
// from proxies named in JIELONG_TRUSTED_PROXIES. `next start` would leave a client's own
// X-Forwarded-For in place of the socket address. Started by scripts/start.ts.
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-jielong-peer"] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`▸ Web server listening on port ${port}`));

function stop() {
  server.close(() => process.exit(0));
  // Streams (feedback, the word chain) may hold connections open: end them after a moment
  setTimeout(() => process.exit(0), 5000).unref();
  server.closeIdleConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
