// Engine and PDF.
//   Engine: the clinical engine (lib/assessment/engine.ts) over the example cases (examples/cases, parsed
//   once, as `npm run assess` parses them), round after round in this one thread: one core.
//   PDF: "Download PDF" of a finalized summary through the real route (/visits/[id]/print/pdf, headless
//   Chromium on the server), warm; its limit is the print page it renders, fetched by itself.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assess } from "../lib/assessment/engine.ts";
import { caseSchema } from "../lib/assessment/case-schema.ts";
import { resolveSettings } from "../lib/assessment/settings.ts";
import { percentile, round } from "./figures.ts";
import { signedInClinician, type BenchWorld } from "./setup.ts";

const casesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "examples", "cases");

export interface EngineResult {
  cases: number;
  assessments: number;
  seconds: number;
  perSecond: number;
  /** The same loop doing nothing but touching each case (the harness's own cost), per second. */
  emptyLoopPerSecond: number;
}

export function measureEngine(seconds: number): EngineResult {
  const inputs = readdirSync(casesDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const c = caseSchema.parse(JSON.parse(readFileSync(path.join(casesDir, f), "utf8")));
      return {
        intake: c.intake ?? null,
        exam: c.exam ?? null,
        previousVisits: c.previousVisits ?? [],
        settings: resolveSettings(c.settings ?? {}),
        patient: c.patient ?? {},
        visitDate: c.visitDate ?? null,
      };
    });
  let sink = 0;
  const loop = (fn: (i: number) => number, ms: number) => {
    const end = performance.now() + ms;
    let n = 0;
    const t = performance.now();
    while (performance.now() < end) for (let i = 0; i < inputs.length; i++, n++) sink += fn(i);
    return { n, seconds: (performance.now() - t) / 1000 };
  };
  loop((i) => assess(inputs[i]!).flags.length, 500); // warm-up: let the JIT settle
  const r = loop((i) => assess(inputs[i]!).flags.length, seconds * 1000);
  const empty = loop((i) => (inputs[i]!.intake ? 1 : 0), 200);
  if (sink < 0) console.log(sink);
  return {
    cases: inputs.length,
    assessments: r.n,
    seconds: round(r.seconds),
    perSecond: Math.round(r.n / r.seconds),
    emptyLoopPerSecond: Math.round(empty.n / empty.seconds),
  };
}

export interface PdfResult {
  samples: number;
  /** A repeated download of an unchanged summary (the renderer warm; the PDF may come from its cache). */
  pdfP50: number;
  pdfP95: number;
  pdfBytes: number;
  printPageP50: number;
  coldMs: number;
  /** The first download of each of several newly signed summaries, the renderer warm: every one printed. */
  firstSamples: number;
  firstP50: number;
  firstP95: number;
  /** The print page alone, fetched beside those first downloads. */
  firstPrintPageP50: number;
}

/** A visit with the intake submitted, the exam saved and the summary finalized, made through lib/data. */
export async function finalizedVisit(w: BenchWorld): Promise<{ visitId: string }> {
  const { clinicianActor, examData, intakeAnswers, patientThroughInvite } = await import("../prisma/factories.ts");
  const { createPatient } = await import("../lib/data/patients.ts");
  const { startVisit } = await import("../lib/data/visits.ts");
  const { submitIntake } = await import("../lib/data/intake-answers.ts");
  const { saveExam } = await import("../lib/data/exams.ts");
  const { finalizeSummary } = await import("../lib/data/summaries.ts");
  const actor = await clinicianActor({ id: w.clinic.userId }, w.clinic.id);
  const patient = await createPatient(actor, { firstName: "Print", lastName: "Bench", dateOfBirth: "1986-04-12", sex: "FEMALE", email: "", phone: "" });
  const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!visit.ok) throw new Error("no visit");
  await submitIntake(await patientThroughInvite(visit.token, "1986-04-12"), intakeAnswers(), `bench-${visit.visitId}`);
  await saveExam(actor, visit.visitId, examData(150, 200), null);
  const f = await finalizeSummary(actor, visit.visitId);
  if (!f.ok) throw new Error(`summary not finalized: ${JSON.stringify(f)}`);
  return { visitId: visit.visitId };
}

export async function measurePdf(w: BenchWorld, samples: number): Promise<PdfResult> {
  const { visitId } = await finalizedVisit(w);
  const clinician = await signedInClinician(w);
  const get = async (p: string) => {
    const t = process.hrtime.bigint();
    const r = await clinician.fetch(p);
    const body = Buffer.from(await r.arrayBuffer());
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 200) throw new Error(`${p} answered ${r.status}: ${body.toString().slice(0, 200)}`);
    return { ms, body };
  };
  const cold = await get(`/visits/${visitId}/print/pdf`);
  if (cold.body.subarray(0, 5).toString() !== "%PDF-") throw new Error("the PDF route did not answer a PDF");
  const pdf: number[] = [];
  const page: number[] = [];
  for (let i = 0; i < samples; i++) {
    pdf.push((await get(`/visits/${visitId}/print/pdf`)).ms);
    page.push((await get(`/visits/${visitId}/print`)).ms);
  }
  // The first download of a newly signed summary is never in the renderer's cache: these are printed each
  // time (the renderer is warm from the downloads above), beside the print page of the same visit.
  const fresh = [];
  for (let i = 0; i < samples; i++) fresh.push(await finalizedVisit(w));
  const first: number[] = [];
  const firstPage: number[] = [];
  for (const v of fresh) {
    firstPage.push((await get(`/visits/${v.visitId}/print`)).ms);
    const r = await get(`/visits/${v.visitId}/print/pdf`);
    if (r.body.subarray(0, 5).toString() !== "%PDF-") throw new Error("the PDF route did not answer a PDF");
    first.push(r.ms);
  }
  return {
    samples,
    pdfP50: round(percentile(pdf, 50)),
    pdfP95: round(percentile(pdf, 95)),
    pdfBytes: cold.body.length,
    printPageP50: round(percentile(page, 50)),
    coldMs: round(cold.ms),
    firstSamples: fresh.length,
    firstP50: round(percentile(first, 50)),
    firstP95: round(percentile(first, 95)),
    firstPrintPageP50: round(percentile(firstPage, 50)),
  };
}
