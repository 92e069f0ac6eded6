// The intake's validation, loaded when first needed (the first step check or autosave) rather than with
// the page, so the patient's first load carries no zod/mini or schema code (the page-weight budget in bench/run.ts).
import type { Resolver } from "react-hook-form";
import { saveDraftAction } from "@/app/(patient)/intake/actions";
import type { SaveOutcome } from "@/lib/forms/autosave-core";
import { dropInapplicable, intakeDraftSchema, intakeFormSchema } from "@/lib/assessment/intake-schema";
import type { IntakeKind, QuestionnaireSwitches } from "@/lib/assessment/intake-options";
import { intakeIssueText } from "@/lib/forms/intake-text";
import { labelsFrom, type ErrorCatalog } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { validPart, type ValidPart } from "@/lib/forms/valid-part";
import type { Messages } from "@/lib/i18n/en";

const resolvers = new Map<string, Resolver<Record<string, unknown>>>();

/** The form's resolver: the clinic's form schema, the intake's wording, and answers to questions that no
 * longer apply left out (they stay in the form until sent, in case the patient changes back). */
export function intakeResolver(
  kind: IntakeKind,
  enabled: QuestionnaireSwitches,
  labels: Record<string, string>,
  m: Messages["intake"],
  catalog: ErrorCatalog,
): Resolver<Record<string, unknown>> {
  const key = `${kind}:${enabled.akps}:${enabled.lefs}`;
  let r = resolvers.get(key);
  if (!r) {
    const inner = schemaResolver<Record<string, unknown>>(intakeFormSchema(kind, enabled), labelsFrom(labels), catalog, intakeIssueText(labels, m, catalog));
    r = (values, context, options) => inner(dropInapplicable(kind, values), context, options);
    resolvers.set(key, r);
  }
  return r;
}

/** What autosave sends: the answers the draft schema accepts (the others stay on screen until fixed). */
export function pruneDraft(kind: IntakeKind, values: unknown): ValidPart<unknown> {
  return validPart(intakeDraftSchema(kind), values);
}

/** What autosave keeps on the server: the answers and the step to resume at. */
export interface Draft {
  answers: unknown;
  step: string | null;
}

/** Autosave's send (components/ui/use-autosave.ts): a newer draft saved on another device comes back as the base
 * to merge (at the step this device last saved); a closed link or a submitted intake stops autosave. */
export async function sendDraft(draft: Draft, version: number | null, savedStep: string | null): Promise<SaveOutcome<Draft, null>> {
  const r = await saveDraftAction(draft.answers, version, draft.step);
  if (r.ok) return r;
  if (r.reason === "conflict")
    return { ok: false, reason: "stale", current: { data: { answers: r.current.answers, step: savedStep }, version: r.current.version }, theirs: null };
  if (r.reason === "invalid") return { ok: false, reason: "refused", message: null };
  return { ok: false, reason: "closed", why: r.reason };
}

/** A draft saved meanwhile on another device is merged in (loaded here: only a save can meet one). */
export { remoteChanges } from "@/lib/forms/merge";
