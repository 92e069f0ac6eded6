import "server-only";
import { cache } from "react";
import { clinicWordsFor, type ClinicWords } from "../i18n/clinic";
import { db } from "../db";
import { resolveSettings, type ClinicSettings } from "../assessment/settings";
import type { Actor } from "./actors";
import { toLocale, type Locale } from "../i18n/locales";

export async function getClinicSettings(actor: Actor): Promise<ClinicSettings> {
  const c = await db().clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { settings: true } });
  return resolveSettings(c.settings);
}

/** The clinic's IANA time zone (its `timeZone` setting): pages format times and decide "today" in it. */
export async function getClinicTimeZone(actor: Actor): Promise<string> {
  return (await getClinicSettings(actor)).timeZone;
}

/** The clinic's language (its screens, and the default for new patients). */
export async function getClinicLocale(actor: Actor): Promise<Locale> {
  if ("clinicLocale" in actor && actor.clinicLocale !== undefined) return toLocale(actor.clinicLocale);
  const c = await db().clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { locale: true } });
  return toLocale(c.locale);
}

/** Create a clinic (deployment setup: scripts/create-user.ts and the demo seed; no actor yet exists). */
export async function createClinic(input: { name: string; phone?: string; email?: string; address?: string; settings?: Partial<ClinicSettings> }) {
  return db().clinic.create({
    data: { name: input.name, phone: input.phone, email: input.email, address: input.address, settings: input.settings ?? {} },
    select: { id: true, name: true },
  });
}

/** The clinic's language and its staff catalog, once per request: staff pages and their actions word
 * everything in the clinic's language (lib/i18n/clinic). Cached by the clinic's id (each require*() call
 * makes a new actor object, which React's cache would not match). */
export async function getClinicWords(actor: Actor): Promise<{ locale: Locale; t: ClinicWords }> {
  // A staff actor carries the language its session check read in this request: no second query (measured:
  // 1.4 ms of a 9 ms exam autosave, every save, as React's cache does not span a server action).
  if ("clinicLocale" in actor && actor.clinicLocale !== undefined) {
    const locale = toLocale(actor.clinicLocale);
    return { locale, t: clinicWordsFor(locale) };
  }
  return clinicWordsOf(actor.clinicId);
}

const clinicWordsOf = cache(async (clinicId: string): Promise<{ locale: Locale; t: ClinicWords }> => {
  const c = await db().clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { locale: true } });
  const locale = toLocale(c.locale);
  return { locale, t: clinicWordsFor(locale) };
});
