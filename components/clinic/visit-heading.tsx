import Link from "next/link";
import type { VisitHeaderDTO } from "@/lib/data/visits";
import { ageOn } from "@/lib/format";
import { format, formatIsoDate } from "@/lib/i18n/format";
import { staffWords } from "@/lib/i18n/clinic/server";

export async function VisitHeading({ visit, title }: { visit: VisitHeaderDTO; title?: string }) {
  const { t: words, locale } = await staffWords();
  const t = words.visit.heading;
  const date = formatIsoDate(locale, visit.date);
  return (
    <div>
      <p className="muted" style={{ marginBottom: 4 }}>
        <Link href={`/patients/${visit.patient.id}`}>
          {visit.patient.firstName} {visit.patient.lastName}
        </Link>{" "}
        {format(
          visit.kind === "INITIAL" ? t.lineInitial : t.lineFollowUp,
          { born: formatIsoDate(locale, visit.patient.dateOfBirth), age: String(ageOn(visit.patient.dateOfBirth, visit.date)), date },
          locale,
        )}
      </p>
      <h1>{title ?? format(t.title, { date }, locale)}</h1>
    </div>
  );
}
