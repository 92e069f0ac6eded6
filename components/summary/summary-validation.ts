// The summary review's schema check, loaded when the form first validates (components/summary/summary-editor.tsx)
// so the review page does not carry zod in its first load. The server action parses the same schema.
import type { FieldValues, Resolver } from "react-hook-form";
import type { SummaryEdits } from "@/lib/assessment/edits";
import { summaryEditsSchema } from "@/lib/assessment/edits-schema";
import type { ErrorCatalog } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { listLabelsFrom } from "@/lib/forms/labels";

/** A schema path's label in the clinic's words, list indexes folded ("exercises.2.sets" → "exercises.*.sets"). */
export const summaryEditLabelIn = listLabelsFrom;

export function summarySchemaCheck<T extends FieldValues>(
  words: { labels: Record<string, string>; errors: ErrorCatalog },
  opts: { transform: (v: T) => SummaryEdits; mapPath: (p: string[]) => string[] },
): Resolver<T> {
  return schemaResolver<T>(summaryEditsSchema, summaryEditLabelIn(words.labels), words.errors, opts);
}
