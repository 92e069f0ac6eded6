// The client's address, for rate limits and the audit trail. Next.js sets X-Forwarded-For to the socket's
// address when a request arrives without one, and keeps whatever a client sent otherwise; so the address
// that can be trusted is the one the nearest proxy appended: TRUSTED_PROXY_HOPS entries from the right
// (1 by default: one TLS terminator in front, as the README's deployment has). With no proxy in front, a
// client could choose its own address; per-account limits still hold (docs/security.md).

export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string | null {
  const get = (k: string): string | undefined => {
    const v = headers instanceof Headers ? headers.get(k) : headers[k];
    return (Array.isArray(v) ? v.join(",") : v) ?? undefined;
  };
  const hops = Math.max(1, Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? "1", 10) || 1);
  const list = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = list.length ? list[Math.max(0, list.length - hops)]! : (get("x-real-ip") ?? null);
  // Only what an address can look like: nothing else reaches a bucket name or the audit trail.
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}
