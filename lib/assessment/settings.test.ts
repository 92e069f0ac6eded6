import { describe, expect, it } from "vitest";
import { clinicSettingsSchema, DEFAULT_HHD_PROTOCOLS, DEFAULT_SETTINGS, isTimeZone, resolveSettings } from "./settings";

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

describe("the clinic's time zone", () => {
  it.each(["UTC", "America/Toronto", "America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])(
    "accepts %s",
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
      expect(clinicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, timeZone: zone }).success).toBe(true);
    },
  );

  it.each(["", " ", "Mars/Olympus_Mons", "EST5EDT; DROP TABLE", "America/Toronto ".repeat(5), "+05:00"])("refuses %j with the time zone message", (zone) => {
    expect(isTimeZone(zone.trim())).toBe(false);
    const r = clinicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, timeZone: zone });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["timeZone", "timeZone"]]);
  });

  it("is UTC for a clinic whose stored settings predate it, or hold a zone this runtime does not know", () => {
    expect(DEFAULT_SETTINGS.timeZone).toBe("UTC");
    expect(resolveSettings({}).timeZone).toBe("UTC");
    expect(resolveSettings({ timeZone: "Atlantis/Capital" }).timeZone).toBe("UTC");
    expect(resolveSettings({ timeZone: "Europe/Berlin" }).timeZone).toBe("Europe/Berlin");
  });
});
