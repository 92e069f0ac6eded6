// A react-hook-form resolver for zod/mini schemas. @hookform/resolvers would add ~10 KB to the patient's
// first load for what is this one function (docs/decisions/0004-forms.md).
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import { formatIssue, type ErrorCatalog } from "./messages";

export interface ResolverOptions<T> {
  /** When the form's values are shaped for editing, turn them into the schema's shape before validating
   * (the submit handler then receives the form's values, not the parsed ones). */
  transform?: (values: T) => unknown;
  /** Map a schema path back to the form field that shows its error. */
  mapPath?: (path: string[]) => string[];
}

export function schemaResolver<T extends FieldValues>(schema: z.ZodMiniType, labelFor: (path: string) => string, catalog: ErrorCatalog, opts: ResolverOptions<T> = {}): Resolver<T> {
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
      node[leaf] = { type: issue.code, message: formatIssue(issue.message, labelFor(schemaPath.join(".")), catalog) };
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
