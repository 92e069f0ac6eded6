// The schema builders plus the zod/mini namespace, for schema files written before the page-weight finding
// in schema-builders.ts. New code, and anything that reaches a browser, imports "./schema-builders" and
// `import * as z from "zod/mini"` instead: this file's namespace re-export defeats tree-shaking.
import * as z from "zod/mini";

export * from "./schema-builders";
export { z };
