import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic } from "@/prisma/factories";
import { createPatient, createPatientUnlessDuplicate } from "./patients";

const input = (firstName: string, lastName: string, dateOfBirth = "1979-08-14") => ({
  firstName,
  lastName,
  dateOfBirth,
  sex: "FEMALE" as const,
  email: "",
  phone: "",
});

describe("a new patient with the same name and date of birth as one the clinic has", () => {
  it("is not created silently: the match comes back, and only a confirmed new patient is created", async () => {
    const { clinic, user } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    const other = await createClinicianAndClinic();
    const first = await createPatient(actor, input("Maren", "Olsen"));
    // Another clinic's patient of the same name is none of this clinic's business.
    await createPatient(await clinicianActor(other.user, other.clinic.id), input("Maren", "Olsen"));

    const again = await createPatientUnlessDuplicate(actor, input("maren", "OLSEN "), false);
    expect(again).toEqual({ ok: false, duplicates: [{ id: first.id, firstName: "Maren", lastName: "Olsen", dateOfBirth: "1979-08-14" }] });
    const count = async () => (await asOwner<{ n: number }>(`SELECT count(*)::int AS n FROM "Patient" WHERE "clinicId" = $1`, [clinic.id]))[0]!.n;
    expect(await count()).toBe(1);

    // Another date of birth is another person.
    expect(await createPatientUnlessDuplicate(actor, input("Maren", "Olsen", "1981-08-14"), false)).toMatchObject({ ok: true });
    // The clinician says this is someone else: created, and the audit trail says so.
    const confirmed = await createPatientUnlessDuplicate(actor, input("Maren", "Olsen"), true);
    if (!confirmed.ok) throw new Error("not created");
    expect(await count()).toBe(3);
    const audit = await asOwner<{ details: unknown }>(`SELECT details FROM "AuditEvent" WHERE action = 'create' AND "recordId" = $1`, [confirmed.patient.id]);
    expect(audit).toEqual([{ details: { confirmedNotDuplicate: true } }]);
  });

  it("two clinicians typing the same new patient at once: one is created, the other is asked", async () => {
    const { clinic, user } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    const results = await Promise.all([
      createPatientUnlessDuplicate(actor, input("Ines", "Duarte"), false),
      createPatientUnlessDuplicate(actor, input("Ines", "Duarte"), false),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
  });
});
