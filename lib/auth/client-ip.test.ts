import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_HOPS;
  });
  it("takes the address the nearest proxy appended, not one the client made up", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
  });
  it("counts further proxies when told to", () => {
    process.env.TRUSTED_PROXY_HOPS = "2";
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
  });
  it("refuses anything that is not an address", () => {
    expect(clientIp({ "x-forwarded-for": "<script>" })).toBeNull();
    expect(clientIp({ "x-forwarded-for": "1.2.3.4 OR 1=1" })).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
  });
});
