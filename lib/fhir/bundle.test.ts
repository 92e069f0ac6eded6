// Every example case of the engine, turned into a signed visit record, maps to a Bundle whose every resource
// the Medplum validator accepts against the FHIR R4 base definitions, with every reference resolving.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Observation, QuestionnaireResponse } from "@medplum/fhirtypes";
import { assess } from "../assessment/engine";
import { caseSchema } from "../assessment/case-schema";
import { resolveSettings } from "../assessment/settings";
import { derivedId, everythingBundle, type FhirPatientRecord } from "./bundle";
import { intakeQuestionnaire, QUESTIONNAIRE_CANONICAL } from "./questionnaire";
import { fhirErrors, index, unresolvedReferences } from "./validate-for-tests";

const casesDir = path.resolve(import.meta.dirname, "..", "..", "examples", "cases");
const files = readdirSync(casesDir).filter((f) => f.endsWith(".json"));
const opts = { appOrigin: "https://clinic.test", timestamp: "2026-12-05T10:00:00.000Z" };

/** A case as the database would hold it after the visit was signed. */
export function caseToRecord(file: string): FhirPatientRecord {
  const c = caseSchema.parse(JSON.parse(readFileSync(path.join(casesDir, file), "utf8")));
  const date = c.visitDate ?? "2026-12-05";
  const assessment = assess({
    intake: c.intake ?? null,
    exam: c.exam ?? null,
    previousVisits: c.previousVisits ?? [],
    settings: resolveSettings(c.settings ?? {}),
    patient: c.patient ?? {},
    visitDate: date,
  });
  const clinician = { id: derivedId(file, "clinician"), name: "Dr Case Example" };
  const visitId = derivedId(file, "visit");
  return {
    clinic: { id: derivedId("clinic"), name: "Example Physio", phone: "+1 555 0100", email: "desk@clinic.test", address: "1 Main St" },
    patient: {
      id: derivedId(file, "patient"),
      firstName: "Case",
      lastName: file.slice(0, 2),
      dateOfBirth: "1990-03-04",
      sex: c.intake?.about?.sex === "male" ? "MALE" : "FEMALE",
      email: null,
      phone: null,
    },
    visits: [
      {
        id: visitId,
        date,
        kind: c.previousVisits?.length ? "FOLLOW_UP" : "INITIAL",
        status: "SUMMARY_FINALIZED",
        intake: c.intake ? { id: derivedId(file, "intake"), revision: 1, submittedAt: `${date}T08:00:00.000Z`, answers: c.intake } : null,
        exam: c.exam ? { id: derivedId(file, "exam"), revision: 1, finalizedAt: `${date}T09:00:00.000Z`, finalizedBy: clinician, data: c.exam } : null,
        summary: { id: derivedId(file, "summary"), revision: 1, finalizedAt: `${date}T09:30:00.000Z`, signedBy: clinician, assessment },
      },
    ],
  };
}

describe("FHIR R4 export of the engine's example cases", () => {
  beforeAll(() => index(), 120_000);

  it("publishes a Questionnaire the validator accepts, versioned with the intake schema", () => {
    const q = intakeQuestionnaire();
    expect(fhirErrors(q)).toEqual([]);
    expect(QUESTIONNAIRE_CANONICAL).toBe(`${q.url}|${q.version}`);
    expect(q.item?.[0]?.item).toHaveLength(14); // 13 Kujala items and the total
    expect(q.item?.[1]?.item).toHaveLength(21); // 20 LEFS items and the total
  });

  it.each(files)("%s: every resource validates and every reference resolves", (file) => {
    const bundle = everythingBundle(caseToRecord(file), opts);
    expect(fhirErrors(bundle)).toEqual([]);
    for (const e of bundle.entry ?? [])
      expect({ id: `${e.resource!.resourceType}/${e.resource!.id}`, errors: fhirErrors(e.resource!) }).toEqual({
        id: `${e.resource!.resourceType}/${e.resource!.id}`,
        errors: [],
      });
    expect(unresolvedReferences(bundle)).toEqual([]);
    const ids = bundle.entry!.map((e) => `${e.resource!.resourceType}/${e.resource!.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("maps strength per muscle group and side in newtons with method, position and laterality", () => {
    const bundle = everythingBundle(caseToRecord("01-pfp-asymmetry-ramp.json"), opts);
    const obs = bundle.entry!.map((e) => e.resource!).filter((r): r is Observation => r.resourceType === "Observation");
    const abdLeft = obs.find((o) => o.code.coding?.[0]?.code === "hhd-hipAbduction" && o.bodySite?.coding?.[0]?.code === "hip-left");
    expect(abdLeft?.valueQuantity).toMatchObject({ unit: "N", system: "http://unitsofmeasure.org", code: "N" });
    expect(abdLeft?.method?.coding?.[0]?.code).toMatch(/^hhd/);
    expect(abdLeft?.component?.find((c) => c.code.coding?.[0]?.code === "laterality")?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: "http://snomed.info/sct",
      code: "7771000",
    });
    const weight = obs.find((o) => o.code.coding?.[0]?.code === "29463-7");
    expect(weight?.valueQuantity).toMatchObject({ value: 60, unit: "kg" });
    expect(obs.some((o) => o.code.coding?.[1]?.code === "pain-now" && o.code.coding[0]!.code === "72514-3")).toBe(true);
    expect(obs.some((o) => o.code.coding?.[0]?.code === "symmetry-hipAbduction")).toBe(true);
  });

  it("records Kujala and LEFS items and totals, the provisional classification, the care plan and the signed PDF", () => {
    const record = caseToRecord("01-pfp-asymmetry-ramp.json");
    const bundle = everythingBundle(record, opts);
    const byType = (t: string) => bundle.entry!.map((e) => e.resource!).filter((r) => r.resourceType === t);
    const qr = byType("QuestionnaireResponse")[0] as QuestionnaireResponse;
    expect(qr.questionnaire).toBe(QUESTIONNAIRE_CANONICAL);
    const akpsTotal = qr.item?.find((g) => g.linkId === "akps")?.item?.find((i) => i.linkId === "akps-total")?.answer?.[0]?.valueInteger;
    expect(akpsTotal).toBe(record.visits[0]!.summary!.assessment.derived.akps?.score);
    const cond = byType("Condition")[0] as { verificationStatus: { coding: { code: string }[] }; code: { coding: { code: string }[] } };
    expect(cond.verificationStatus.coding[0]!.code).toBe("provisional");
    expect(cond.code.coding[0]!.code).toBe("pfp-likely");
    const plan = byType("CarePlan")[0] as { activity: { detail: { code: { coding: { code: string }[] }; scheduledTiming?: unknown } }[] };
    const exercises = record.visits[0]!.summary!.assessment.plan!.exercises;
    for (const ex of exercises) expect(plan.activity.some((a) => a.detail.code.coding[0]!.code === ex.exerciseId && a.detail.scheduledTiming)).toBe(true);
    expect(plan.activity.some((a) => a.detail.code.coding[0]!.code === "return-to-run")).toBe(true);
    const doc = byType("DocumentReference")[0] as { content: { attachment: { contentType: string; url: string } }[] };
    expect(doc.content[0]!.attachment).toMatchObject({ contentType: "application/pdf", url: `https://clinic.test/visits/${record.visits[0]!.id}/print/pdf` });
  });

  it("a referral carries no working classification", () => {
    const bundle = everythingBundle(caseToRecord("04-refer-calf-swelling.json"), opts);
    expect(bundle.entry!.some((e) => e.resource!.resourceType === "Condition")).toBe(false);
  });

  it("the validator is real: a resource with a wrong field fails", () => {
    expect(fhirErrors({ resourceType: "Observation", status: "final", code: { text: "x" }, valueQuantity: { value: "1" } } as never).length).toBeGreaterThan(0);
  });
});
