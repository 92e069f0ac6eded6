import { describe, expect, it } from "vitest";
import { DEFAULT_HHD_PROTOCOLS, DEFAULT_SETTINGS, resolveSettings } from "./settings";

describe("resolveSettings: dynamometry protocols and the norm cut-off", () => {
  it("defaults to break tests with a belt, abduction side-lying with the long lever (the norm's protocol)", () => {
    expect(resolveSettings({}).hhdProtocols).toEqual(DEFAULT_HHD_PROTOCOLS);
    expect(DEFAULT_HHD_PROTOCOLS.hipAbduction).toEqual({ position: "side-lying-long-lever", contraction: "break", belt: true });
    expect(resolveSettings({}).normCutoffSd).toBe(1);
  });

  it("keeps the standard for the groups a clinic did not set", () => {
    const s = resolveSettings({ hhdProtocols: { hipExtension: { position: "prone-knee-straight", contraction: "make", belt: false } } });
    expect(s.hhdProtocols.hipExtension).toEqual({ position: "prone-knee-straight", contraction: "make", belt: false });
    expect(s.hhdProtocols.hipAbduction).toEqual(DEFAULT_HHD_PROTOCOLS.hipAbduction);
  });

  it("falls back to the default when a stored value no longer validates", () => {
    expect(resolveSettings({ normCutoffSd: 9 }).normCutoffSd).toBe(DEFAULT_SETTINGS.normCutoffSd);
    expect(resolveSettings({ hhdProtocols: { hipAbduction: { leverArmM: 5 } } }).hhdProtocols).toEqual(DEFAULT_HHD_PROTOCOLS);
  });
});
