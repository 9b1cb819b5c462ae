import "server-only";
import pg from "pg";

// PostgreSQL LISTEN/NOTIFY fanned out inside one process: one connection listens, any number of
// callers subscribe. Used to wake grading workers and to tell open feedback streams that a round
// has new tokens, whichever process wrote them. Callers also poll slowly, so a lost notification
// (say, while this connection reconnects) only delays them.

type TListener = (payload: string) => void;
type TBus = { client: pg.Client | null; connecting: Promise<pg.Client> | null; listeners: Map<string, Set<TListener>> };

const globalForBus = globalThis as unknown as { jielongPgBus?: TBus };
const bus: TBus = (globalForBus.jielongPgBus ??= { client: null, connecting: null, listeners: new Map() });

async function connect(): Promise<pg.Client> {
  if (bus.client) return bus.client;
  bus.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const drop = () => {
      if (bus.client === client) bus.client = null;
      listening.clear();
      client.removeAllListeners();
      client.end().catch(() => undefined);
      // Listen again once the database is back, for the channels still wanted
      if (bus.listeners.size > 0) setTimeout(() => connect().catch(() => undefined), 1000).unref();
    };
    client.on("error", drop);
    client.on("end", drop);
    client.on("notification", ({ channel, payload }) => {
      for (const listener of bus.listeners.get(channel) ?? []) listener(payload ?? "");
    });
    await client.connect();
    for (const channel of bus.listeners.keys()) await client.query(`LISTEN "${channel}"`);
    bus.client = client;
    return client;
  })().finally(() => {
    bus.connecting = null;
  });
  return bus.connecting;
}

const listening = new Map<string, Promise<unknown>>();

/**
 * Calls `listener` with each notification on `channel` until the returned function is called.
 * Resolves once PostgreSQL is listening, so that nothing sent afterwards is missed.
 */
export async function listen(channel: string, listener: TListener): Promise<() => void> {
  if (!/^[a-z_]+$/u.test(channel)) throw new Error(`bad channel name: ${channel}`);
  let listeners = bus.listeners.get(channel);
  if (!listeners) bus.listeners.set(channel, (listeners = new Set()));
  listeners.add(listener);
  try {
    let ready = listening.get(channel);
    if (!ready) {
      ready = connect().then((client) => client.query(`LISTEN "${channel}"`));
      listening.set(channel, ready);
      ready.catch(() => listening.delete(channel));
    }
    await ready;
  } catch {
    // Not listening for now: the caller's polling carries on meanwhile
    setTimeout(() => connect().catch(() => undefined), 1000).unref();
  }
  return () => {
    listeners.delete(listener);
  };
}

/** Sends a notification through the app's own connection pool. */
export async function notify(db: { $queryRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<unknown> }, channel: string, payload: string) {
  await db.$queryRaw`SELECT pg_notify(${channel}, ${payload})::text AS "sent"`;
}
