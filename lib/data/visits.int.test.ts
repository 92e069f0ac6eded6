import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic } from "@/prisma/factories";
import { createPatient } from "./patients";
import { clinicWorklist, startVisit } from "./visits";

async function clinicWithVisits(timeZone: string | undefined, dates: string[]) {
  const { clinic, user } = await createClinicianAndClinic(timeZone ? { timeZone } : {});
  const actor = await clinicianActor(user, clinic.id);
  const p = await createPatient(actor, { firstName: "Zoe", lastName: "Zone", dateOfBirth: "1990-05-05", sex: "FEMALE", email: "", phone: "" });
  const ids: Record<string, string> = {};
  for (const date of dates) {
    const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date });
    if (!v.ok) throw new Error("visit not started");
    ids[date] = v.visitId;
  }
  return { actor, clinic, ids };
}

describe("the worklist's today follows the clinic's time zone", () => {
  it("in Auckland it is already tomorrow while UTC is still today", async () => {
    // 20:00 UTC on 25 Nov is 09:00 on 26 Nov in Auckland (NZDT, UTC+13).
    const now = new Date("2026-11-25T20:00:00Z");
    const { actor, ids } = await clinicWithVisits("Pacific/Auckland", ["2026-11-25", "2026-11-26", "2026-11-27"]);
    const w = await clinicWorklist(actor, {}, now);
    expect(w).toMatchObject({ today: "2026-11-26", timeZone: "Pacific/Auckland" });
    expect(w.rows.filter((r) => r.date === w.today).map((r) => r.visitId)).toEqual([ids["2026-11-26"]]);
    expect(w.rows.map((r) => r.date)).toEqual(["2026-11-27", "2026-11-26", "2026-11-25"]);
  });

  it("in Los Angeles at 5 pm, tomorrow's visit (today in UTC) is not today's", async () => {
    // 01:00 UTC on 25 Nov is 17:00 on 24 Nov in Los Angeles (PST, UTC-8).
    const now = new Date("2026-11-25T01:00:00Z");
    const { actor, ids } = await clinicWithVisits("America/Los_Angeles", ["2026-11-23", "2026-11-24", "2026-11-25"]);
    const w = await clinicWorklist(actor, {}, now);
    expect(w.today).toBe("2026-11-24");
    expect(w.rows.filter((r) => r.date === w.today).map((r) => r.visitId)).toEqual([ids["2026-11-24"]]);
  });

  it("keeps UTC for a clinic whose settings predate the zone, and the window follows the clinic's today", async () => {
    const now = new Date("2026-11-25T01:00:00Z");
    // 14 days back and 7 ahead of the clinic's today are in; one day further either way is out.
    const { actor, clinic, ids } = await clinicWithVisits(undefined, ["2026-11-10", "2026-11-11", "2026-11-25", "2026-12-02", "2026-12-03"]);
    const [c] = await asOwner<{ settings: Record<string, unknown> }>(`SELECT settings FROM "Clinic" WHERE id = $1`, [clinic.id]);
    expect(c!.settings.timeZone).toBeUndefined();
    const w = await clinicWorklist(actor, {}, now);
    expect(w).toMatchObject({ today: "2026-11-25", timeZone: "UTC" });
    expect(w.rows.map((r) => r.visitId)).toEqual([ids["2026-12-02"], ids["2026-11-25"], ids["2026-11-11"]]);
  });
});
