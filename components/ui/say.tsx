import type { Said } from "@/lib/i18n/clinic/clinical-say";

/** A text from the engine in the page's language, or its stored English marked `lang="en"` on a page in another. */
export function Say({ s }: { s: Said }) {
  return s.lang ? <span lang={s.lang}>{s.text}</span> : <>{s.text}</>;
}
