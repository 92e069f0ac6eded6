import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { deriveClientAddress, installClientAddress, normalizeAddress, parseTrustedProxies } from "./client-address";
import { CLIENT_ADDRESS_HEADER, clientIp } from "./client-ip";

describe("the client's address: X-Forwarded-For only from trusted proxies (TRUSTED_PROXIES)", () => {
  const none = parseTrustedProxies(undefined);
  it("by default trusts no proxy: a client's own X-Forwarded-For is ignored, the socket's address is used", () => {
    expect(none).toEqual({ kind: "none" });
    expect(deriveClientAddress("198.51.100.7", "6.6.6.6", none)).toBe("198.51.100.7");
    expect(deriveClientAddress("::ffff:198.51.100.7", "6.6.6.6, 7.7.7.7", none)).toBe("198.51.100.7");
    expect(deriveClientAddress("2001:db8::1", undefined, none)).toBe("2001:db8::1");
  });

  it("with a hop count, takes the entry the outermost proxy appended", () => {
    const one = parseTrustedProxies("1");
    expect(deriveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", one)).toBe("203.0.113.9");
    expect(deriveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.3", parseTrustedProxies("2"))).toBe("203.0.113.9");
  });

  it("with a CIDR list, walks back over trusted hops only, so a client cannot insert one", () => {
    const cidrs = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, ::1/128");
    expect(deriveClientAddress("10.1.2.3", "6.6.6.6, 203.0.113.9, 10.0.0.3", cidrs)).toBe("203.0.113.9");
    expect(deriveClientAddress("::ffff:127.0.0.1", "203.0.113.9", cidrs)).toBe("203.0.113.9");
    // Not from a trusted proxy: its X-Forwarded-For is not read at all.
    expect(deriveClientAddress("198.51.100.7", "10.0.0.5", cidrs)).toBe("198.51.100.7");
    // Only trusted hops: the leftmost is the client.
    expect(deriveClientAddress("127.0.0.1", undefined, cidrs)).toBe("127.0.0.1");
  });

  it("answers null (the shared 'unknown' key) for anything that is not an address", () => {
    const one = parseTrustedProxies("1");
    expect(deriveClientAddress("10.0.0.2", "junk", one)).toBeNull();
    expect(deriveClientAddress("10.0.0.2", "1.2.3.4 OR 1=1", one)).toBeNull();
    expect(deriveClientAddress("10.0.0.2", "1.2.3.4:5678", one)).toBeNull();
    expect(deriveClientAddress("10.0.0.2", "<script>", parseTrustedProxies("10.0.0.0/8"))).toBeNull();
    expect(deriveClientAddress(undefined, undefined, none)).toBeNull();
    expect(normalizeAddress("unknown")).toBeNull();
  });

  it("refuses a malformed setting instead of trusting the wrong hop", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("100")).toThrow(/TRUSTED_PROXIES/);
  });

  it("is stamped on every request at the HTTP server, over anything the client sent, and clientIp reads only the stamp", async () => {
    // Before the stamp is installed nothing is believed.
    expect(clientIp({ [CLIENT_ADDRESS_HEADER]: "x 1.2.3.4" })).toBeNull();
    installClientAddress({});
    const server = http.createServer((req, res) => res.end(JSON.stringify(clientIp(req.headers))));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const seen = async (headers: Record<string, string>) => JSON.parse(await (await fetch(url, { headers })).text()) as string | null;
      expect(await seen({})).toBe("127.0.0.1");
      expect(await seen({ "x-forwarded-for": "6.6.6.6" })).toBe("127.0.0.1");
      expect(await seen({ "x-forwarded-for": "junk" })).toBe("127.0.0.1");
      expect(await seen({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-real-ip": "6.6.6.6" })).toBe("127.0.0.1");
    } finally {
      server.close();
    }
    // A header a client made up (without this process's nonce) is still not believed.
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBeNull();
  });
});
