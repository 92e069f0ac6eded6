// Demo data: one clinic, one clinician with a random password, and patients at every stage of a visit.
// Made through the app's own data layer (prisma/factories.ts), so the demo shows real rows and audit trail.
import { randomBytes } from "node:crypto";
import { todayIso } from "../lib/assessment/schema-kit";
import { createClinic } from "../lib/data/clinics";
import { saveExam } from "../lib/data/exams";
import { submitIntake } from "../lib/data/intake";
import { createPatient } from "../lib/data/patients";
import { finalizeSummary } from "../lib/data/summaries";
import { createUser } from "../lib/data/users";
import { startVisit } from "../lib/data/visits";
import { clinicianActor, examData, intakeAnswers, patientThroughInvite } from "./factories";

export interface DemoSeed {
  clinicName: string;
  email: string;
  password: string;
  /** The clinic's administrator: sets up two-factor sign-in at the first sign-in (required for admins). */
  adminEmail: string;
  adminPassword: string;
  /** An invite link for a patient who has not started the intake yet (valid 7 days). */
  patientLinkPath: string;
  patientDateOfBirth: string;
}

function daysAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return todayIso(d);
}

export async function seedDemo(): Promise<DemoSeed> {
  const clinic = await createClinic({
    name: "Riverside Running Clinic",
    phone: "+1 555 0142",
    email: "hello@riverside-running.example",
    address: "40 Mill Lane, Riverside",
  });
  const email = "clinician@demo.example";
  const password = randomBytes(12).toString("base64url");
  const user = await createUser({ clinicId: clinic.id, email, name: "Alex Morgan", password, role: "CLINICIAN" });
  const actor = await clinicianActor(user, clinic.id);
  // The demo clinician may skip two-factor sign-in (the clinic setting is off); the admin may not.
  const adminEmail = "admin@demo.example";
  const adminPassword = randomBytes(12).toString("base64url");
  await createUser({ clinicId: clinic.id, email: adminEmail, name: "Sam Okafor", password: adminPassword, role: "ADMIN" });

  async function patientAt(
    p: { firstName: string; lastName: string; dateOfBirth: string; sex: "FEMALE" | "MALE" },
    stage: "invited" | "intake" | "examined" | "finalized",
    visitDate: string,
    answers = intakeAnswers(),
    exam = examData(170, 215),
  ) {
    const patient = await createPatient(actor, { ...p, email: "", phone: "" });
    const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: visitDate });
    if (!visit.ok) throw new Error("seed: visit not started");
    if (stage === "invited") return { token: visit.token, dob: p.dateOfBirth };
    const patientActor = await patientThroughInvite(visit.token, p.dateOfBirth);
    await submitIntake(patientActor, answers, randomBytes(16).toString("hex"));
    if (stage === "intake") return null;
    await saveExam(actor, visit.visitId, exam, null);
    if (stage === "examined") return null;
    await finalizeSummary(actor, visit.visitId);
    return null;
  }

  const invited = await patientAt({ firstName: "Jordan", lastName: "Lee", dateOfBirth: "1991-03-14", sex: "FEMALE" }, "invited", todayIso());
  await patientAt(
    { firstName: "Sam", lastName: "Rivera", dateOfBirth: "1985-07-02", sex: "MALE" },
    "intake",
    todayIso(),
    intakeAnswers({ knee: { side: "left" }, running: { weeklyKm: { thisWeek: 45, fourWeeksAgo: 30 } } }),
  );
  await patientAt({ firstName: "Priya", lastName: "Nair", dateOfBirth: "1994-11-23", sex: "FEMALE" }, "examined", todayIso(), intakeAnswers(), examData(160, 212, 58));
  await patientAt({ firstName: "Chris", lastName: "O'Neil", dateOfBirth: "1979-05-30", sex: "MALE" }, "finalized", daysAgo(3), intakeAnswers({ knee: { side: "both" } }), examData(240, 252, 78));
  await patientAt(
    { firstName: "Maria", lastName: "Gomez", dateOfBirth: "1988-09-09", sex: "FEMALE" },
    "intake",
    daysAgo(1),
    intakeAnswers({ safety: { calfSwelling: true } }),
  );

  return { clinicName: clinic.name, email, password, adminEmail, adminPassword, patientLinkPath: `/i/${invited!.token}`, patientDateOfBirth: invited!.dob };
}
