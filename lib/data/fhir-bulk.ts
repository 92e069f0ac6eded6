import "server-only";
import { once } from "node:events";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";
import type { Resource } from "@medplum/fhirtypes";
import { db } from "../db";
import { patientResources } from "../fhir/bundle";
import { intakeQuestionnaire } from "../fhir/questionnaire";
import { recordAudit } from "./audit";
import { clinicRecordBatches } from "./fhir-export";

export interface BulkExportResult {
  patients: number;
  /** Resources written per type (one NDJSON file each). */
  counts: Record<string, number>;
  files: string[];
}

/**
 * A whole clinic as FHIR Bulk Data NDJSON (one resource per line, one file per resource type: `Patient.ndjson`,
 * `Observation.ndjson`…), written a batch of patients at a time with the files' back-pressure honoured, so
 * memory holds one batch whatever the clinic's size. Resources shared between patients (the clinic, its
 * clinicians, the published Questionnaire) are written once. The run is audited as one event.
 */
export async function exportClinicNdjson(clinicId: string, outDir: string, appOrigin: string, batchSize = 200): Promise<BulkExportResult> {
  mkdirSync(outDir, { recursive: true });
  const streams = new Map<string, WriteStream>();
  const counts: Record<string, number> = {};
  const written = new Set<string>();
  const write = async (r: Resource) => {
    if (r.resourceType === "Organization" || r.resourceType === "Practitioner" || r.resourceType === "Questionnaire") {
      const key = `${r.resourceType}/${r.id}`;
      if (written.has(key)) return;
      written.add(key);
    }
    let s = streams.get(r.resourceType);
    if (!s) {
      s = createWriteStream(path.join(outDir, `${r.resourceType}.ndjson`));
      streams.set(r.resourceType, s);
    }
    counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    if (!s.write(`${JSON.stringify(r)}\n`)) await once(s, "drain");
  };
  let patients = 0;
  try {
    await write(intakeQuestionnaire());
    for await (const batch of clinicRecordBatches(clinicId, batchSize)) {
      for (const record of batch) for (const r of patientResources(record, { appOrigin })) await write(r);
      patients += batch.length;
    }
  } finally {
    await Promise.all([...streams.values()].map((s) => new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())))));
  }
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actor: { kind: "system" },
      clinicId,
      action: "fhir-export",
      recordType: "Clinic",
      recordId: clinicId,
      details: { bulk: true, patients, counts },
    }),
  );
  return { patients, counts, files: [...streams.keys()].map((t) => path.join(outDir, `${t}.ndjson`)) };
}
