import Link from "next/link";
import type { VisitHeaderDTO } from "@/lib/data/visits";
import { ageOn, formatDate } from "@/lib/format";

export function VisitHeading({ visit, title }: { visit: VisitHeaderDTO; title?: string }) {
  return (
    <div>
      <p className="muted" style={{ marginBottom: 4 }}>
        <Link href={`/patients/${visit.patient.id}`}>
          {visit.patient.firstName} {visit.patient.lastName}
        </Link>{" "}
        · born {formatDate(visit.patient.dateOfBirth)} (age {ageOn(visit.patient.dateOfBirth, visit.date)}) ·{" "}
        {visit.kind === "INITIAL" ? "initial" : "follow-up"} visit {formatDate(visit.date)}
      </p>
      <h1>{title ?? `Visit of ${formatDate(visit.date)}`}</h1>
    </div>
  );
}
