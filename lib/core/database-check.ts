import pg from "pg";

/** Describes where a connection URL points, without its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(not a valid URL)";
  }
}

/** Connects once to check the database answers; returns the reason when it does not. */
export async function checkDatabaseReachable(url: string, timeoutMs = 5000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code ? `${code}: ${(error as Error).message}` : (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}
