"use client";
// The clinic's words in the browser: the staff layout provides the catalog of the clinic's language (page
// data, not code), and a client component reads its area with `useClinicWords()`. Server components take
// `getClinicWords(actor)` (lib/data/clinics.ts) instead.
import { createContext, useContext, useMemo } from "react";
import type { ClientClinicWords } from "@/lib/i18n/clinic/words";
import type { Locale } from "@/lib/i18n/locales";
import { format, type Params } from "@/lib/i18n/format";

interface ClinicWordsValue {
  t: ClientClinicWords;
  locale: Locale;
  /** A catalog sentence with its values, plurals and numbers the clinic's way. */
  f: (template: string, params?: Params) => string;
}

const Ctx = createContext<ClinicWordsValue | null>(null);

export function ClinicWordsProvider({ words, locale, children }: { words: ClientClinicWords; locale: Locale; children: React.ReactNode }) {
  const value = useMemo(() => ({ t: words, locale, f: (template: string, params?: Params) => format(template, params, locale) }), [words, locale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useClinicWords(): ClinicWordsValue {
  const v = useContext(Ctx);
  if (!v) throw new Error("useClinicWords() needs a ClinicWordsProvider above it (app/(clinic)/layout.tsx)");
  return v;
}
