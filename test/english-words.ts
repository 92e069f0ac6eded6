// English left in a Spanish text: short English words that never occur in Spanish sentences, so one is
// enough to show an untranslated string. Shared by the catalog tests and the Spanish journeys.

// Word edges by letters, not \b: "leído" must not read as "le" + "do".
const ENGLISH =
  /(?<!\p{L})(the|and|your|you|please|with|what|when|this|that|is|are|of|to|not|for|have|has|do|does|how|which|run|running|knee|pain|link|clinic|answer|answers|questionnaire|date|birth|try|again|sent|thank|send|more|time|times|step)(?!\p{L})/iu;

/** Proper nouns and units that read the same in Spanish. */
export const SPANISH_ALLOWED = ["Stride", "km", "cm", "kg"];

/** The sentences of `text` that hold an English word, after removing `{placeholders}` and the allowed words. */
export function englishIn(text: string, allowed: readonly string[] = SPANISH_ALLOWED): string[] {
  // Placeholders ({clinic}, {time}) are names, not words anyone reads.
  let t = text.replace(/\{\w+\}/g, "");
  for (const a of allowed) t = t.replaceAll(a, "");
  return t
    .split(/(?<=[.!?:])\s+|\n/)
    .map((s) => s.trim())
    .filter((s) => s && ENGLISH.test(s));
}

/** Every string of a catalog with its key path. */
export function catalogStrings(o: unknown, path = ""): [string, string][] {
  if (typeof o === "string") return [[path, o]];
  if (Array.isArray(o)) return o.flatMap((v, i) => catalogStrings(v, `${path}.${i}`));
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => catalogStrings(v, path ? `${path}.${k}` : k));
  return [];
}
