// The headers every response carries (proxy.ts sets them). docs/SECURITY.md explains each.

const DEV = process.env.NODE_ENV === "development";

/**
 * The Content-Security-Policy. Scripts run only from this origin and with the request's nonce
 * (no 'unsafe-inline' for scripts); styles may be inline (charts and React set style attributes);
 * nothing may frame the app (an LTI launch will need an allowlist here); forms post only here.
 * `nonce` null: a response that is not a page (an error), which needs no script at all.
 */
export function contentSecurityPolicy(nonce: string | null): string {
  const script = nonce === null ? "'none'" : `'self' 'nonce-${nonce}' 'strict-dynamic'${DEV ? " 'unsafe-eval'" : ""}`;
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The app needs none of these; the quiz pages must not be able to ask for them
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** What is not a page (JSON, event streams, CSV, static files): no script of its own runs, nothing frames it */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Paths whose responses are not pages; proxy.ts leaves them alone, next.config.ts sets their headers */
export const NON_PAGE_SOURCES = ["/api/:path*", "/_next/static/:path*", "/classes/:classId/export/:path*", "/classes/:classId/roster/export"];

const HSTS = "max-age=63072000; includeSubDomains";

/** next.config.ts headers(): the fixed headers on every path, the non-page policy, HSTS behind https */
export function configHeaders() {
  const fixed = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
  return [
    { source: "/:path*", headers: fixed },
    ...NON_PAGE_SOURCES.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: NON_PAGE_POLICY }] })),
    { source: "/:path*", has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
  ];
}

export { HSTS };
