/** What a JSON route answers: `ok`, and on a refusal the error code the interface translates. */
export type TJsonReply<T> = { status: number; body: (T & { ok: boolean; code?: string }) | null };

/**
 * POSTs JSON from the browser. A network failure rejects (the caller keeps its data and says
 * "offline"); any reply resolves, with `body` null when it was not JSON (a proxy's error page).
 */
export async function postJson<T = Record<string, never>>(url: string, data: unknown = {}): Promise<TJsonReply<T>> {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
  const body = (await response.json().catch(() => null)) as TJsonReply<T>["body"];
  return { status: response.status, body };
}
