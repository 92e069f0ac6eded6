// Demo data: one clinic, one clinician with a random password, and patients at every stage of a visit.
// Made through the app's own data layer (prisma/factories.ts), so the demo shows real rows and audit trail.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { caseSchema } from "../lib/assessment/case-schema";
import type { ExamData } from "../lib/assessment/exam-schema";
import type { IntakeAnswers } from "../lib/assessment/intake-schema";
import { addDays, todayIn } from "../lib/format";
import { DEFAULT_CONSENT_TEXT } from "../lib/assessment/settings";
import { createClinic } from "../lib/data/clinics";
import { finalizeExam, saveExam } from "../lib/data/exams";
import { submitIntake } from "../lib/data/intake-answers";
import { createPatient } from "../lib/data/patients";
import { finalizeSummary } from "../lib/data/summaries";
import { consentTextFor, messagesFor } from "../lib/i18n";
import { createUser } from "../lib/data/users";
import { startVisit } from "../lib/data/visits";
import { clinicianActor, examData, followUpIntakeAnswers, fullExam, intakeAnswers, patientThroughInvite } from "./factories";

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
  /** The same for a Spanish-speaking patient: the intake opens in Spanish. */
  spanishPatientLinkPath: string;
  spanishPatientDateOfBirth: string;
}

/** The demo clinic's zone: far enough from UTC that a time shown in UTC by mistake is easy to spot. */
const DEMO_TIME_ZONE = "America/Toronto";
const todayIso = () => todayIn(DEMO_TIME_ZONE);
const daysAgo = (n: number): string => addDays(todayIso(), -n);

export const DEMO_CASES: { file: string; firstName: string; lastName: string; sex: "FEMALE" | "MALE"; birthday: string; locale?: "es" }[] = [
  { file: "11-green-high-mileage-late-pain", firstName: "Tessa", lastName: "Berg", sex: "FEMALE", birthday: "02-11" },
  { file: "12-amber-steady-creep", firstName: "Hannah", lastName: "Clarke", sex: "FEMALE", birthday: "04-03" },
  { file: "13-red-no-screen", firstName: "Grace", lastName: "Adeyemi", sex: "FEMALE", birthday: "08-21" },
  { file: "14-stopped-screen-passed", firstName: "Lena", lastName: "Fischer", sex: "FEMALE", birthday: "01-30" },
  { file: "15-novice-bmi-over-30", firstName: "Robin", lastName: "Hale", sex: "FEMALE", birthday: "06-12" },
  { file: "16-goal-race-too-soon", firstName: "Mei", lastName: "Tanaka", sex: "FEMALE", birthday: "10-05" },
  { file: "17-green-low-mileage-by-time", firstName: "Nora", lastName: "Brennan", sex: "FEMALE", birthday: "12-01" },
  { file: "21-low-energy-steady", firstName: "Ava", lastName: "Moreau", sex: "FEMALE", birthday: "03-17" },
  { file: "24-refer-femoral-neck", firstName: "Daniel", lastName: "Osei", sex: "MALE", birthday: "07-09" },
  { file: "27-pfp-sitting-pain-settled", firstName: "Iris", lastName: "Novak", sex: "FEMALE", birthday: "09-14" },
  // Carmen reads Spanish: her signed take-home summary prints (and downloads as a PDF) in Spanish.
  { file: "01-pfp-asymmetry-ramp", firstName: "Carmen", lastName: "Ruiz", sex: "FEMALE", birthday: "05-22", locale: "es" },
];

export async function seedDemo(): Promise<DemoSeed> {
  const clinic = await createClinic({
    name: "Riverside Running Clinic",
    phone: "+1 555 0142",
    email: "hello@riverside-running.example",
    address: "40 Mill Lane, Riverside",
    settings: { timeZone: DEMO_TIME_ZONE },
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
    p: { firstName: string; lastName: string; dateOfBirth: string; sex: "FEMALE" | "MALE"; email?: string; locale?: "es" },
    stage: "invited" | "intake" | "examined" | "finalized",
    visitDate: string,
    answers = intakeAnswers(),
    exam = examData(170, 215),
  ) {
    const patient = await createPatient(actor, { ...p, email: p.email ?? "", phone: "" });
    const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: visitDate });
    if (!visit.ok) throw new Error("seed: visit not started");
    const made = { token: visit.token, dob: p.dateOfBirth, patientId: patient.id };
    if (stage === "invited") return made;
    const patientActor = await patientThroughInvite(visit.token, p.dateOfBirth);
    const signed = { ...answers, consent: { agreed: true as const, signatureName: `${p.firstName} ${p.lastName}` } };
    // Each step must succeed: a demo patient silently left half-made would show a plan that is not there.
    // The statement the patient would have read: the clinic's default, in the patient's language.
    const consent = consentTextFor(DEFAULT_CONSENT_TEXT, messagesFor(p.locale ?? "en-US"));
    const sent = await submitIntake(patientActor, signed, randomBytes(16).toString("hex"), {}, consent, p.locale ?? null);
    if (!sent.ok) throw new Error(`seed: ${p.firstName}'s intake was refused: ${JSON.stringify(sent)}`);
    if (stage === "intake") return made;
    const saved = await saveExam(actor, visit.visitId, exam, null);
    if (!saved.ok) throw new Error(`seed: ${p.firstName}'s exam was refused: ${JSON.stringify(saved)}`);
    if (stage === "examined") return made;
    const signedSummary = await finalizeSummary(actor, visit.visitId);
    if (!signedSummary.ok) throw new Error(`seed: ${p.firstName}'s summary was not signed: ${JSON.stringify(signedSummary)}`);
    return made;
  }

  // Jordan has an email on file: the invite goes to the demo's mail catcher when the app starts.
  const invited = await patientAt(
    { firstName: "Jordan", lastName: "Lee", dateOfBirth: "1991-03-14", sex: "FEMALE", email: "jordan.lee@patient.example" },
    "invited",
    todayIso(),
  );
  // Lucía reads Spanish: the clinic set her language, so her intake link opens in Spanish.
  const spanish = await patientAt({ firstName: "Lucía", lastName: "Herrera", dateOfBirth: "1989-02-17", sex: "FEMALE", locale: "es" }, "invited", todayIso());
  await patientAt(
    { firstName: "Sam", lastName: "Rivera", dateOfBirth: "1985-07-02", sex: "MALE" },
    "intake",
    todayIso(),
    intakeAnswers({ about: { sex: "male" }, knee: { side: "left" }, running: { weeklyKm: { thisWeek: 45, fourWeeksAgo: 30 } } }),
  );
  await patientAt(
    { firstName: "Priya", lastName: "Nair", dateOfBirth: "1994-11-23", sex: "FEMALE" },
    "examined",
    todayIso(),
    intakeAnswers(),
    examData(160, 212, 58),
  );
  // Chris: seen three weeks ago, back for a follow-up today with the shorter intake sent (scores compared).
  const chrisDob = "1979-05-30";
  const chris = await patientAt(
    { firstName: "Chris", lastName: "O'Neil", dateOfBirth: chrisDob, sex: "MALE" },
    "finalized",
    daysAgo(21),
    intakeAnswers({ about: { sex: "male" }, knee: { side: "both" } }),
    examData(240, 252, 78),
  );
  const followUp = await startVisit(actor, { patientId: chris.patientId, kind: "FOLLOW_UP", date: todayIso() });
  if (!followUp.ok) throw new Error("seed: follow-up not started");
  await submitIntake(
    await patientThroughInvite(followUp.token, chrisDob),
    followUpIntakeAnswers({
      knee: { side: "both", areas: { left: ["around-kneecap"], right: ["below-kneecap"] } },
      consent: { signatureName: "Chris O'Neil" },
    }),
    randomBytes(16).toString("hex"),
    {},
    DEFAULT_CONSENT_TEXT,
  );
  await patientAt(
    { firstName: "Maria", lastName: "Gomez", dateOfBirth: "1988-09-09", sex: "FEMALE" },
    "intake",
    daysAgo(1),
    intakeAnswers({ safety: { calfSwelling: true, swelling: true } }),
  );

  // Dana: three visits. The initial exam eight weeks ago and the first follow-up four weeks ago were
  // finalized (that follow-up's summary signed), so the patient page and that follow-up's clinician print
  // show the trends across visits; today's follow-up carries the exam protocols forward and shows the
  // change since then.
  const danaDob = "1990-06-18";
  const danaKnee = { side: "left" as const, areas: { left: ["around-kneecap" as const], right: [] } };
  const dana = await createPatient(actor, { firstName: "Dana", lastName: "Whitfield", dateOfBirth: danaDob, sex: "FEMALE", email: "", phone: "" });
  const danaFirst = await startVisit(actor, { patientId: dana.id, kind: "INITIAL", date: daysAgo(56) });
  if (!danaFirst.ok) throw new Error("seed: visit not started");
  await submitIntake(
    await patientThroughInvite(danaFirst.token, danaDob),
    intakeAnswers({ knee: danaKnee, consent: { agreed: true, signatureName: "Dana Whitfield" } }),
    randomBytes(16).toString("hex"),
    {},
    DEFAULT_CONSENT_TEXT,
  );
  await saveExam(actor, danaFirst.visitId, fullExam(), null);
  await finalizeExam(actor, danaFirst.visitId, 1);
  const danaSecond = await startVisit(actor, { patientId: dana.id, kind: "FOLLOW_UP", date: daysAgo(28) });
  if (!danaSecond.ok) throw new Error("seed: follow-up not started");
  await submitIntake(
    await patientThroughInvite(danaSecond.token, danaDob),
    followUpIntakeAnswers({
      knee: danaKnee,
      pain: { now: 2, worstWeek: 4 },
      running: { weeklyKm: { thisWeek: 12, fourWeeksAgo: 20 } },
      questionnaires: { akps: [1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0], lefs: [4, 3, 4, 4, 4, 3, 4, 4, 3, 4, 4, 3, 3, 4, 3, 2, 2, 1, 2, 4] },
      consent: { signatureName: "Dana Whitfield" },
    }),
    randomBytes(16).toString("hex"),
    {},
    DEFAULT_CONSENT_TEXT,
  );
  const stronger = fullExam();
  stronger.strength!.hipAbduction!.left = { trialsN: [168, 176, 172] };
  stronger.strength!.hipExternalRotation!.left = { trialsN: [116, 119, 117] };
  await saveExam(actor, danaSecond.visitId, stronger, null);
  await finalizeExam(actor, danaSecond.visitId, 1);
  const danaSigned = await finalizeSummary(actor, danaSecond.visitId);
  if (!danaSigned.ok) throw new Error(`seed: Dana's follow-up summary was not signed: ${JSON.stringify(danaSigned)}`);
  const danaFollowUp = await startVisit(actor, { patientId: dana.id, kind: "FOLLOW_UP", date: todayIso() });
  if (!danaFollowUp.ok) throw new Error("seed: follow-up not started");
  await submitIntake(
    await patientThroughInvite(danaFollowUp.token, danaDob),
    followUpIntakeAnswers({ knee: danaKnee, pain: { now: 1, worstWeek: 3 }, consent: { signatureName: "Dana Whitfield" } }),
    randomBytes(16).toString("hex"),
    {},
    DEFAULT_CONSENT_TEXT,
  );

  // A spread of runners from the engine's example cases (examples/cases), each signed, so a clinic trying
  // the demo can compare the plans side by side: green at high mileage, amber after a steady creep, red
  // before the entry screen, stopped, a new runner, a race too soon, a low-mileage runner built by time,
  // running on hold for signs of low energy availability, a same-day referral (femoral neck), and pain on
  // sitting that is not a red flag; and one Spanish-speaking runner.
  const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "examples", "cases");
  for (const c of DEMO_CASES) {
    const parsed = caseSchema.parse(JSON.parse(readFileSync(path.join(casesDir, `${c.file}.json`), "utf8")));
    const born = `${Number(todayIso().slice(0, 4)) - (parsed.patient?.ageYears ?? 35) - 1}-${c.birthday}`;
    await patientAt(
      { firstName: c.firstName, lastName: c.lastName, dateOfBirth: born, sex: c.sex, locale: c.locale },
      "finalized",
      todayIso(),
      parsed.intake as IntakeAnswers,
      parsed.exam as ExamData,
    );
  }

  return {
    clinicName: clinic.name,
    email,
    password,
    adminEmail,
    adminPassword,
    patientLinkPath: `/i/${invited.token}`,
    patientDateOfBirth: invited.dob,
    spanishPatientLinkPath: `/i/${spanish.token}`,
    spanishPatientDateOfBirth: spanish.dob,
  };
}
