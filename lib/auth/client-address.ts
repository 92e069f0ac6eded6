// Where a request came from, decided once per request at the HTTP server, before Next.js sees it.
// Next.js keeps whatever X-Forwarded-For a client sends (it only fills it in when missing), so the app
// cannot tell a proxy's entry from a client's own. Here the socket's address is known: X-Forwarded-For is
// read only when the socket (and each hop walked back) is a trusted proxy (TRUSTED_PROXIES), else the
// socket's address is the client's. The answer is stamped on the request as CLIENT_ADDRESS_HEADER with a
// per-process nonce, overwriting anything a client sent under that name; lib/auth/client-ip.ts reads it.
import { randomBytes } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import { BlockList, isIP } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "./client-ip";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList; text: string };

/**
 * TRUSTED_PROXIES: unset, "" or "none" (the default): no proxy, the socket's address is the client's.
 * A number N: N proxies in front, each appending to X-Forwarded-For; the client is the entry the outermost
 * one appended. A comma-separated list of addresses and CIDR ranges ("10.0.0.0/8, 127.0.0.1"): hops whose
 * address is in the list are walked back; the first one that is not is the client.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const v = (value ?? "").trim();
  if (v === "" || v.toLowerCase() === "none" || v === "0") return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 20) throw new Error(`TRUSTED_PROXIES: ${hops} hops is not a plausible proxy chain`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const raw of v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, prefix, extra] = raw.split("/");
    const family = isIP(addr ?? "");
    if (!family || extra !== undefined) throw new Error(`TRUSTED_PROXIES: "${raw}" is not an address or a CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(addr!, type);
    else {
      const bits = /^\d+$/.test(prefix) ? Number(prefix) : NaN;
      if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) throw new Error(`TRUSTED_PROXIES: "${raw}" has no valid prefix length`);
      list.addSubnet(addr!, bits, type);
    }
  }
  return { kind: "cidrs", list, text: v };
}

/** A plain address, or null: "::ffff:1.2.3.4" (an IPv4 client on a dual-stack socket) becomes "1.2.3.4";
 * anything that is not an address (a port, a name, "junk", "unknown") is null. */
export function normalizeAddress(a: string | undefined | null): string | null {
  const s = (a ?? "").trim();
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s)?.[1];
  if (v4 && isIP(v4) === 4) return v4;
  return isIP(s) ? s.toLowerCase() : null;
}

function isTrusted(list: BlockList, a: string | null): boolean {
  if (!a) return false;
  return list.check(a, isIP(a) === 4 ? "ipv4" : "ipv6");
}

/** The client's address for one request, or null when it is missing or malformed (it then counts under the
 * shared "unknown" key of every per-address limit). */
export function deriveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string | null {
  const socket = normalizeAddress(socketAddress);
  if (trusted.kind === "none") return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Nearest last: what each hop saw, ending with the socket.
  const chain = [...forwarded, socketAddress ?? ""];
  if (trusted.kind === "hops") return normalizeAddress(chain[Math.max(0, chain.length - 1 - trusted.hops)]);
  let i = chain.length - 1;
  while (i > 0 && isTrusted(trusted.list, normalizeAddress(chain[i]))) i--;
  return normalizeAddress(chain[i]);
}

const installed = globalThis as unknown as { strideClientAddressNonce?: string };

/**
 * Stamp every request this process's HTTP servers receive (Node's "http.server.request.start" channel,
 * published before the request reaches any handler). Called once from instrumentation.ts; configuration
 * errors throw (the server refuses to start rather than trust the wrong hop).
 */
export function installClientAddress(env: Record<string, string | undefined> = process.env): TrustedProxies {
  // TRUSTED_PROXY_HOPS is the earlier name of the hop count.
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES ?? env.TRUSTED_PROXY_HOPS);
  if (installed.strideClientAddressNonce) return trusted;
  const nonce = randomBytes(12).toString("base64url");
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: { headers: Record<string, string | string[] | undefined> }; socket: { remoteAddress?: string } };
    const address = deriveClientAddress(socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
    request.headers[CLIENT_ADDRESS_HEADER] = `${nonce} ${address ?? ""}`;
  });
  installed.strideClientAddressNonce = nonce;
  return trusted;
}
