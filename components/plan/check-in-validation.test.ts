// The check-in asks a runner's distance in the unit they answered the intake in, and sends it in km: a range
// error names that unit's limits, in the patient's language.
import { describe, expect, it } from "vitest";
import { toKm } from "@/lib/assessment/units";
import { en } from "@/lib/i18n/en";
import { es } from "@/lib/i18n/es";
import { validateCheckIn } from "./check-in-validation";

const body = (km: number | null) => ({
  key: "6f1c2b1e-8f0a-4c1e-9a51-2b7f3f1d9c10",
  date: new Date().toISOString().slice(0, 10),
  kind: "run",
  done: true,
  km,
  minutes: null,
  painDuring: 1,
  settledWithinHour: true,
  limped: false,
  exercises: null,
});

describe("the check-in's distance in the runner's unit", () => {
  it("takes 3.1 miles as about 5 km", () => {
    const r = validateCheckIn(body(toKm(3.1, "mi")), en.plan.checkIn, en.errors, "mi");
    expect(r.ok && r.data.km).toBeCloseTo(4.989, 3);
  });
  it("names the limit in miles for a miles runner, and in km for a km runner", () => {
    const mi = validateCheckIn(body(toKm(70, "mi")), en.plan.checkIn, en.errors, "mi");
    expect(!mi.ok && mi.fieldErrors.km).toMatch(/Distance run \(miles\).*62\.1/);
    expect(!mi.ok && mi.fieldErrors.km).not.toMatch(/100/);
    const km = validateCheckIn(body(120), en.plan.checkIn, en.errors, "km");
    expect(!km.ok && km.fieldErrors.km).toMatch(/Distance run \(km\).*100/);
    const esMi = validateCheckIn(body(toKm(70, "mi")), es.plan.checkIn, es.errors, "mi");
    expect(!esMi.ok && esMi.fieldErrors.km).toMatch(/Distancia \(millas\): escriba un número entre 0 y 62,1\./);
  });
});
