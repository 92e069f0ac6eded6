import type { ReactNode } from "react";
import type { OutOfDate } from "@/lib/data/summaries";
import { dateIn } from "@/lib/format";
import type { SummaryWords } from "@/lib/i18n/clinic/summary";
import { staffWords } from "@/lib/i18n/clinic/server";
import { format, formatIsoDate } from "@/lib/i18n/format";
import { htmlLang, type Locale } from "@/lib/i18n/locales";

/** The warning's words: what changed after signing, and what to do before printing for the patient. */
export function outOfDateText(o: OutOfDate, signedAt: string, timeZone: string, t: SummaryWords["outOfDate"], locale: Locale): string {
  const sentence = o.exam && o.intake ? t.both : o.exam ? t.exam : t.intake;
  return format(sentence, { date: formatIsoDate(locale, dateIn(new Date(signedAt), timeZone)) }, locale);
}

/** Shown on the visit page, the summary page and the print (on screen and on paper), in the clinic's language:
 * it is the clinician's warning, also on the patient's sheet. */
export async function OutOfDateNotice({
  outOfDate,
  signedAt,
  timeZone,
  children,
  className,
}: {
  outOfDate: OutOfDate;
  signedAt: string;
  timeZone: string;
  children?: ReactNode;
  className?: string;
}) {
  const { t, locale } = await staffWords();
  return (
    // Its own lang: on the patient's printed sheet it sits among the patient's language.
    <div className={className ?? "alert alert-warning"} role="alert" data-testid="out-of-date" lang={htmlLang(locale)}>
      <p style={{ margin: 0 }}>
        <strong>{outOfDateText(outOfDate, signedAt, timeZone, t.summary.outOfDate, locale)}</strong>
      </p>
      {children}
    </div>
  );
}
