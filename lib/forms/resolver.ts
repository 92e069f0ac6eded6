// A react-hook-form resolver for zod/mini schemas. @hookform/resolvers would add ~10 KB to the patient's
// first load for what is this one function (docs/decisions/0004-forms.md).
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import { formatIssue, type ErrorCatalog, type IssueText } from "./messages";

export interface ResolverOptions<T> {
  /** Words for an issue other than the catalog's generic sentence (the intake's unit-aware messages). */
  text?: IssueText;
  /** When the form's values are shaped for editing, turn them into the schema's shape before validating
   * (the submit handler then receives the form's values, not the parsed ones). */
  transform?: (values: T) => unknown;
  /** Map a schema path back to the form field that shows its error. */
  mapPath?: (path: string[]) => string[];
}

export function schemaResolver<T extends FieldValues>(
  schema: z.ZodMiniType,
  labelFor: (path: string) => string,
  catalog: ErrorCatalog,
  options: ResolverOptions<T> | IssueText = {},
): Resolver<T> {
  const opts: ResolverOptions<T> = typeof options === "function" ? { text: options } : options;
  return async (values) => {
    const parsed = schema.safeParse(opts.transform ? opts.transform(values) : values);
    if (parsed.success) return { values: (opts.transform ? values : parsed.data) as T, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      const schemaPath = issue.path.map(String);
      const path = opts.mapPath ? opts.mapPath(schemaPath) : schemaPath;
      let node = errors;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      const leaf = path[path.length - 1] ?? "root";
      if (node[leaf]) continue;
      const full = schemaPath.join(".");
      node[leaf] = { type: issue.code, message: opts.text ? opts.text(full, issue.message, values) : formatIssue(issue.message, labelFor(full), catalog) };
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
