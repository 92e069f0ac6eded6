// The language of a patient's page. After the date-of-birth check it is the patient's record (which the
// clinic sets and the patient may change); before it, a choice this browser made on the first screen
// (kept in a cookie, never written to the record by a browser that has not passed the check), else the
// record's. Cached per request so the layout and the page share one session lookup.
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { secureCookies } from "../auth/cookies";
import { currentIntakeSession } from "../auth/intake-session";
import { messagesFor } from ".";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

export const LANG_COOKIE = "stride_lang";

export function langCookieOptions() {
  return { httpOnly: true, secure: secureCookies(), sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 30 };
}

export const patientPage = cache(async () => {
  const [session, jar] = await Promise.all([currentIntakeSession(), cookies()]);
  const chosen = jar.get(LANG_COOKIE)?.value;
  const browser = isLocale(chosen) ? chosen : undefined;
  let locale: Locale;
  if (!session.ok) locale = session.reason === "none" ? (browser ?? DEFAULT_LOCALE) : session.locale;
  else locale = session.dobVerified ? session.locale : (browser ?? session.locale);
  return { session, locale, m: messagesFor(locale), browserChoice: browser };
});
