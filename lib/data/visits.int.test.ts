import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { finalizeExam, saveExam } from "./exams";
import { submitIntake } from "./intake-answers";
import { createPatient } from "./patients";
import { finalizeSummary } from "./summaries";
import { clinicWorklist, getVisitHeader, listPatientVisits, startVisit } from "./visits";

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

describe("the status badges say what is true", () => {
  async function visitWith(safety: Record<string, boolean>) {
    const { clinic, user } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    const p = await createPatient(actor, { firstName: "Bea", lastName: "Badge", dateOfBirth: "1990-05-05", sex: "FEMALE", email: "", phone: "" });
    const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
    if (!v.ok) throw new Error("visit not started");
    const answers = intakeAnswers();
    await submitIntake(await patientThroughInvite(v.token, "1990-05-05"), { ...answers, safety: { ...answers.safety, ...safety } }, `badge-${v.visitId}`);
    return { actor, visitId: v.visitId, patientId: p.id };
  }
  const badgesOf = async (actor: Awaited<ReturnType<typeof clinicianActor>>, visitId: string) =>
    (await clinicWorklist(actor)).rows.find((r) => r.visitId === visitId)!.badges;

  it("matches the level of the flag the safety answers raise", async () => {
    const jump = await visitWith({ recentTrainingJump: true });
    expect(await badgesOf(jump.actor, jump.visitId)).toEqual({ examFinal: false, review: "note" });
    const givingWay = await visitWith({ givingWay: true });
    expect((await badgesOf(givingWay.actor, givingWay.visitId)).review).toBe("review");
    const night = await visitWith({ nightWakes: true });
    expect((await badgesOf(night.actor, night.visitId)).review).toBe("red-flag");
    const none = await visitWith({});
    expect((await badgesOf(none.actor, none.visitId)).review).toBeNull();
  });

  it("an intake stored by a newer version asks for review and leaves the rest of the worklist whole", async () => {
    const { actor, visitId } = await visitWith({ recentTrainingJump: true });
    const other = await visitWith({ nightWakes: true });
    await asOwner(`UPDATE "IntakeResponse" SET "schemaVersion" = 99 WHERE "visitId" = $1`, [visitId]);
    expect((await badgesOf(actor, visitId)).review).toBe("review");
    expect((await badgesOf(other.actor, other.visitId)).review).toBe("red-flag");
  });

  it("says exam started for a draft and finalized once it is, and clears the review once the summary is signed", async () => {
    const { actor, visitId, patientId } = await visitWith({ recentTrainingJump: true });
    const saved = await saveExam(actor, visitId, examData(200, 205), null);
    if (!saved.ok) throw new Error("exam not saved");
    const row = (await clinicWorklist(actor)).rows.find((r) => r.visitId === visitId)!;
    expect(row.status).toBe("EXAMINED");
    expect(row.badges.examFinal).toBe(false);
    expect((await finalizeExam(actor, visitId, saved.version)).ok).toBe(true);
    expect((await badgesOf(actor, visitId)).examFinal).toBe(true);
    expect((await finalizeSummary(actor, visitId)).ok).toBe(true);
    expect((await badgesOf(actor, visitId)).review).toBeNull();
    expect((await listPatientVisits(actor, patientId))[0]!.badges.review).toBeNull();
    expect((await getVisitHeader(actor, visitId))!.badges).toEqual({ examFinal: true, review: null });
  });
});
