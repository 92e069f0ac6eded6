// The client's address, for rate limits and the audit trail: the one lib/auth/client-address.ts decided at
// the HTTP server (the socket's address, or X-Forwarded-For read back through TRUSTED_PROXIES only) and
// stamped on the request with this process's nonce. A header without the nonce (sent by a client, or a
// request from before the stamp was installed) is not believed. null means missing or malformed: every
// per-address limit then counts it under one shared "unknown" key (lib/data/rate-limits.ts).

export const CLIENT_ADDRESS_HEADER = "x-stride-client-address";

export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string | null {
  const nonce = (globalThis as unknown as { strideClientAddressNonce?: string }).strideClientAddressNonce;
  if (!nonce) return null;
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v?.startsWith(`${nonce} `)) return null;
  const ip = v.slice(nonce.length + 1);
  // Only what an address can look like: nothing else reaches a bucket name or the audit trail.
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}
