import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, SECURITY_HEADERS } from "@/lib/core/security-headers";

// Pages get a Content-Security-Policy with a fresh nonce, which Next.js puts on its own scripts;
// the fixed headers come from next.config.ts, on pages and everything else alike. A page path with
// characters no id or slug of ours can hold is refused here, before any page or query runs. API
// routes, CSV exports and static files do not pass through here (next.config.ts gives them their
// policy): a proxy makes Next.js buffer request bodies, and the API reads its own with a limit.

const CONTROL = /[\u0000-\u001f\u007f]/u;

function pathIsReadable(pathname: string): boolean {
  try {
    const decoded = decodeURIComponent(pathname);
    return !CONTROL.test(decoded) && decoded.isWellFormed();
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (!pathIsReadable(request.nextUrl.pathname)) {
    const response = new NextResponse("這個網址含有無法辨識的字元。\nThis address contains characters that cannot be read.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    return withHeaders(response, contentSecurityPolicy(null), https);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and adds it to the scripts it renders
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  return withHeaders(NextResponse.next({ request: { headers } }), policy, https);
}

function withHeaders(response: NextResponse, policy: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Pages and server actions; not the API, CSV exports or static files (see above)
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico|classes/[^/]+/export/|classes/[^/]+/roster/export).*)"],
};
