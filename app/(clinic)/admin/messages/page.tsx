import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import { requireAdmin } from "@/lib/auth/session";
import { getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { listDeadLetters } from "@/lib/data/messages";
import { format } from "@/lib/i18n/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import { retryDeadLetterAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.messages.title };
}

/** The dead-letter list: messages the queue gave up on (after every retry, or refused by the mail server). */
export default async function DeadLettersPage() {
  const admin = await requireAdmin();
  const [rows, timeZone, { t: words, locale }] = await Promise.all([listDeadLetters(admin), getClinicTimeZone(admin), getClinicWords(admin)]);
  const t = words.admin.messages;
  return (
    <div className="stack">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {rows.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.message}</th>
                <th scope="col">{t.to}</th>
                <th scope="col">{t.lastAttempt}</th>
                <th scope="col">{t.reason}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.action}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>{t.kinds[m.kind]}</td>
                  <td>{m.recipient}</td>
                  <td>{format(t.when, { time: formatDateTimeIn(locale, m.createdAt, timeZone), n: m.attempts }, locale)}</td>
                  <td>{m.lastError}</td>
                  <td>
                    <form action={retryDeadLetterAction.bind(null, m.id)}>
                      <button
                        type="submit"
                        className="btn btn-secondary"
                        aria-label={format(t.retryLabel, { kind: t.kinds[m.kind], recipient: m.recipient }, locale)}
                      >
                        {t.retry}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
