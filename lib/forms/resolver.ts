// A react-hook-form resolver for zod/mini schemas. @hookform/resolvers would add ~10 KB to the patient's
// first load for what is this one function (docs/decisions/0004-forms.md).
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import { formatIssue, type ErrorCatalog, type IssueText } from "./messages";

export function schemaResolver<T extends FieldValues>(schema: z.ZodMiniType, labelFor: (path: string) => string, catalog: ErrorCatalog, text?: IssueText): Resolver<T> {
  return async (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values: parsed.data as T, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      let node = errors;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      const leaf = path[path.length - 1] ?? "root";
      if (node[leaf]) continue;
      const full = path.join(".");
      node[leaf] = { type: issue.code, message: text ? text(full, issue.message, values) : formatIssue(issue.message, labelFor(full), catalog) };
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
