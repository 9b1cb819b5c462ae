import net from "node:net";

// The address of the client a request came from, for per-client limits. scripts/serve.mjs puts
// the connection's address in `x-jielong-peer`. Behind reverse proxies, X-Forwarded-For is read
// from the right: each hop that is one of JIELONG_TRUSTED_PROXIES (addresses or CIDR ranges) is
// skipped, and the first one that is not is the client. Hops a client wrote itself sit to the left
// of the first untrusted one and are never believed.

type THeaders = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: THeaders, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  return trimmed.startsWith("::ffff:") && net.isIPv4(trimmed.slice(7)) ? trimmed.slice(7) : trimmed;
}

let cached: { spec: string; list: net.BlockList } | null = null;
function trustedProxies(spec = process.env.JIELONG_TRUSTED_PROXIES ?? ""): net.BlockList {
  if (cached?.spec === spec) return cached.list;
  const list = new net.BlockList();
  for (const entry of spec.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const type = net.isIPv6(address!) ? "ipv6" : "ipv4";
    if (!net.isIP(address!)) throw new Error(`JIELONG_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  cached = { spec, list };
  return list;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const type = net.isIPv6(address) ? "ipv6" : net.isIPv4(address) ? "ipv4" : null;
  return type !== null && list.check(address, type);
}

/** The client's address, or null when the request did not come through our server (tests calling code directly) */
export function clientAddress(headers: THeaders, trusted?: string): string | null {
  const peer = header(headers, "x-jielong-peer");
  if (!peer) return null;
  const list = trustedProxies(trusted);
  const hops = [...(header(headers, "x-forwarded-for") ?? "").split(",").map(normalise).filter(Boolean), normalise(peer)];
  for (let i = hops.length - 1; i > 0; i--) if (!isTrusted(list, hops[i]!)) return hops[i]!;
  return hops[0]!;
}
