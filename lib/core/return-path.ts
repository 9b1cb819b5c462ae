import { appUrl } from "./mailer";

// Where to send someone back to after signing in. A return address is kept only when, resolved
// against the app's own origin the way a browser resolves it, it stays on that origin: "/\host",
// "//host", "/%5Chost" and "https:host" all leave it and are dropped. What is kept is a path on
// this site that no browser can read as another host ("//" at its start becomes "/").

const MAX_LENGTH = 2048;

/** The app's own origin (from NEXTAUTH_URL, or localhost:PORT) */
export function appOrigin(): string {
  return new URL(appUrl("/")).origin;
}

/** `value` as a path on `origin`, or `fallback` when it is missing, malformed or points elsewhere */
export function safeReturnPath(value: unknown, origin: string = appOrigin(), fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  // Control characters and whitespace are stripped or mangled differently by each browser
  if (/[\u0000-\u0020\u007f]/u.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  return `${url.pathname.replace(/^\/+/u, "/")}${url.search}${url.hash}`;
}
