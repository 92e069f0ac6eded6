// The summary review's schema check, loaded when the form first validates (components/summary/summary-editor.tsx)
// so the review page does not carry zod in its first load. The server action parses the same schema.
import type { FieldValues, Resolver } from "react-hook-form";
import { summaryEditLabel, type SummaryEdits } from "@/lib/assessment/edits";
import { summaryEditsSchema } from "@/lib/assessment/edits-schema";
import { clinicErrors } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";

export function summarySchemaCheck<T extends FieldValues>(opts: { transform: (v: T) => SummaryEdits; mapPath: (p: string[]) => string[] }): Resolver<T> {
  return schemaResolver<T>(summaryEditsSchema, summaryEditLabel, clinicErrors, opts);
}
