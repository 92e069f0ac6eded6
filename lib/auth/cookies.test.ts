import { afterEach, describe, expect, it, vi } from "vitest";
import { secureCookies, sessionCookieName } from "./cookies";

describe("session cookie flags", () => {
  afterEach(() => vi.unstubAllEnvs());
  it("is Secure with the __Host- prefix in production over HTTPS", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "https://knee.clinic.example");
    expect(secureCookies()).toBe(true);
    expect(sessionCookieName()).toBe("__Host-next-auth.session-token");
  });
  it("cannot be Secure over plain HTTP (the demo and the tests on loopback)", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(secureCookies()).toBe(false);
    expect(sessionCookieName()).toBe("next-auth.session-token");
  });
  it("is Secure in production when NEXTAUTH_URL is unset (assume HTTPS)", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(secureCookies()).toBe(true);
  });
});
