import { describe, expect, it } from "vitest";
import { mintActor } from "./actor-mint";
import type { ClinicianActor, PatientActor } from "./actors";

// The type check is the test: each @ts-expect-error fails `npm run typecheck` the day a plain object
// literal becomes assignable to an actor again.
describe("actors are branded", () => {
  it("a plain object literal is not an actor; a minted one is", () => {
    const fields = { kind: "clinician" as const, userId: "u", clinicId: "c", role: "CLINICIAN" as const, name: "Alex", sessionId: "s" };
    // @ts-expect-error a literal with every field is still not a ClinicianActor
    const forged: ClinicianActor = fields;
    const minted: ClinicianActor = mintActor(fields);
    // @ts-expect-error nor is a patient's shape
    const patient: PatientActor = { kind: "patient", intakeSessionId: "i", inviteId: "v", visitId: "x", patientId: "p", clinicId: "c" };
    // Minting brands the type only: the object is the same fields, so logs and audits read as before.
    expect(minted).toEqual(fields);
    expect([forged, patient].length).toBe(2);
  });
});
