// Every answer a form schema can hold, as the dotted paths the forms and their labels use
// ("strength.hipAbduction.left.trialsN.0"): read from the schema itself, so a test can check that each one has
// a label without a fixture that someone must remember to fill.
import type * as z from "zod/mini";

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  in?: z.ZodMiniType;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const defOf = (s: z.ZodMiniType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The leaf paths of a schema: objects by key, arrays by index up to their maximum length. */
export function schemaPaths(schema: z.ZodMiniType, prefix = ""): string[] {
  const d = defOf(schema);
  const at = (k: string | number) => (prefix ? `${prefix}.${k}` : String(k));
  switch (d.type) {
    case "object":
      return Object.entries(d.shape ?? {}).flatMap(([k, s]) => schemaPaths(s, at(k)));
    case "optional":
    case "nullable":
    case "default":
    case "nonoptional":
    case "readonly":
      return schemaPaths(d.innerType!, prefix);
    case "pipe":
      return schemaPaths(d.in!, prefix);
    case "union": {
      const paths = d.options!.flatMap((o) => schemaPaths(o, prefix));
      return [...new Set(paths)];
    }
    case "array": {
      const max = d.checks?.map((c) => c._zod.def).find((c) => c.check === "max_length")?.maximum;
      if (max === undefined) throw new Error(`schemaPaths: the array at ${prefix} has no maximum length`);
      return Array.from({ length: max }, (_, i) => schemaPaths(d.element!, at(i))).flat();
    }
    default:
      return [prefix];
  }
}
