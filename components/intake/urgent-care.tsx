import type { UrgentReason } from "@/lib/assessment/safety";
import type { Messages } from "@/lib/i18n/en";

/** "Get care today" (clinical-rules §5: possible joint infection, possible deep-vein clot). Shown as
 * soon as the answer is given and again on the thank-you page; it never stops the patient sending. */
export function UrgentCare({ m, reasons, sent }: { m: Messages["intake"]["urgent"]; reasons: UrgentReason[]; sent?: boolean }) {
  if (!reasons.length) return null;
  const Heading = sent ? "h2" : "h3";
  return (
    <div className="alert alert-danger" role="alert">
      <Heading style={{ marginTop: 0 }}>{m.title}</Heading>
      {reasons.map((r) => (
        <p key={r}>{m.reasons[r]}</p>
      ))}
      <p>{m.body}</p>
      {!sent && <p>{m.stillSend}</p>}
    </div>
  );
}
