import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const request = (peer: string | undefined, forwarded?: string) => ({ ...(peer === undefined ? {} : { "x-jielong-peer": peer }), ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("clientAddress", () => {
  it("is the connection's address when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(request("203.0.113.7"), "")).toBe("203.0.113.7");
    expect(clientAddress(request("203.0.113.7", "1.2.3.4"), "")).toBe("203.0.113.7");
    expect(clientAddress(request("::ffff:203.0.113.7"), "")).toBe("203.0.113.7");
  });

  it("behind trusted proxies, is the right-most hop that is not one of them", () => {
    // client → proxy 10.0.0.5 → app; a client-written hop on the left is ignored
    expect(clientAddress(request("10.0.0.5", "6.6.6.6, 198.51.100.9"), "10.0.0.0/8")).toBe("198.51.100.9");
    expect(clientAddress(request("10.0.0.5", "198.51.100.9, 10.0.0.7"), "10.0.0.0/8")).toBe("198.51.100.9");
    expect(clientAddress(request("127.0.0.1", "2001:db8::1"), "127.0.0.1")).toBe("2001:db8::1");
    // Every hop trusted: the left-most
    expect(clientAddress(request("10.0.0.5", "10.0.0.9"), "10.0.0.0/8")).toBe("10.0.0.9");
  });

  it("is null for code called without our server in front, and refuses a malformed setting", () => {
    expect(clientAddress(request(undefined, "1.2.3.4"), "")).toBeNull();
    expect(() => clientAddress(request("1.1.1.1"), "not-an-address")).toThrow(/JIELONG_TRUSTED_PROXIES/);
  });
});
