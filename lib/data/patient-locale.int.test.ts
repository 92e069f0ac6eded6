import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { getIntakeSession, redeemInvite, setPatientLocaleFromIntake } from "./intake-link";
import { getSubmittedIntake } from "./intake-clinic";
import { submitIntake } from "./intake-answers";
import { createPatient, getPatient, setPatientLocale } from "./patients";
import { startVisit } from "./visits";

const DOB = "1990-04-27";

async function setup(clinicLocale?: "en-GB" | "es") {
  const { clinic, user } = await createClinicianAndClinic();
  if (clinicLocale) await asOwner(`UPDATE "Clinic" SET locale = $1 WHERE id = $2`, [clinicLocale, clinic.id]);
  const actor = await clinicianActor(user, clinic.id);
  return { clinic, actor };
}

describe("the patient's language", () => {
  it("starts as the clinic's, unless the clinic picks another for the patient", async () => {
    const { actor } = await setup("en-GB");
    const a = await createPatient(actor, { firstName: "Ann", lastName: "Runner", dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
    const b = await createPatient(actor, { firstName: "Lucía", lastName: "Herrera", dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "", locale: "es" });
    expect(a.locale).toBe("en-GB");
    expect(b.locale).toBe("es");
  });

  it("is changed by the clinic for its own patients only", async () => {
    const { actor } = await setup();
    const other = await setup();
    const p = await createPatient(actor, { firstName: "Ann", lastName: "Runner", dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
    expect(await setPatientLocale(other.actor, p.id, "es")).toBe(false);
    expect((await getPatient(actor, p.id))!.locale).toBe("en-US");
    expect(await setPatientLocale(actor, p.id, "es")).toBe(true);
    expect((await getPatient(actor, p.id))!.locale).toBe("es");
  });

  it("is changed by the patient only after the date-of-birth check; the session and the sent intake carry it", async () => {
    const { actor } = await setup();
    const p = await createPatient(actor, { firstName: "Ann", lastName: "Runner", dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
    const visit = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: "2026-11-25" });
    if (!visit.ok) throw new Error("no visit");
    const r = await redeemInvite(visit.token);
    if (!r.ok) throw new Error("no session");
    const before = await getIntakeSession(r.sessionToken);
    if (!before.ok) throw new Error("no session");
    expect(before.locale).toBe("en-US");
    expect(await setPatientLocaleFromIntake(before.actor, "es")).toBe(false);
    expect((await getPatient(actor, p.id))!.locale).toBe("en-US");

    const patient = await patientThroughInvite(visit.token, DOB);
    expect(await setPatientLocaleFromIntake(patient, "es")).toBe(true);
    const after = await getIntakeSession(r.sessionToken);
    expect(after.ok && after.locale).toBe("es");

    const sent = await submitIntake(patient, { ...intakeAnswers(), consent: { agreed: true, signatureName: "Ann Runner" } }, `k-${Date.now()}`, {}, null, "es");
    expect(sent.ok).toBe(true);
    const rows = await asOwner<{ locale: string }>(`SELECT locale FROM "IntakeResponse" WHERE "visitId" = $1 AND state = 'FINAL'`, [visit.visitId]);
    expect(rows).toEqual([{ locale: "es" }]);
    // The clinician sees that the questionnaires were answered in English (no validated Spanish text yet).
    const shown = await getSubmittedIntake(actor, visit.visitId);
    expect(shown).toMatchObject({ locale: "es", questionnaireLocale: "en-US" });
    // A used-up link's page speaks the patient's language too.
    const again = await redeemInvite(visit.token);
    expect(again).toMatchObject({ ok: false, reason: "submitted", locale: "es" });
  });
});
