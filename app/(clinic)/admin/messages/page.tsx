import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { getClinicTimeZone } from "@/lib/data/clinics";
import { listDeadLetters } from "@/lib/data/messages";
import { formatDateTime } from "@/lib/format";
import { kindLabel } from "@/lib/messages/templates";
import { retryDeadLetterAction } from "./actions";

export const metadata: Metadata = { title: "Undelivered messages" };

/** The dead-letter list: messages the queue gave up on (after every retry, or refused by the mail server). */
export default async function DeadLettersPage() {
  const admin = await requireAdmin();
  const [rows, timeZone] = await Promise.all([listDeadLetters(admin), getClinicTimeZone(admin)]);
  return (
    <div className="stack">
      <h1>Undelivered messages</h1>
      <p>
        Messages the queue gave up on: the mail server refused them, or it could not be reached through every retry (about 9 hours). Fix the cause (the
        patient&apos;s address, the mail settings), then try again: the same message goes out once.
      </p>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">To</th>
                <th scope="col">Last attempt</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>{kindLabel(m.kind)}</td>
                  <td>{m.recipient}</td>
                  <td>
                    {formatDateTime(m.createdAt, timeZone)} ({m.attempts} {m.attempts === 1 ? "attempt" : "attempts"})
                  </td>
                  <td>{m.lastError}</td>
                  <td>
                    <form action={retryDeadLetterAction.bind(null, m.id)}>
                      <button type="submit" className="btn btn-secondary" aria-label={`Try the ${kindLabel(m.kind)} to ${m.recipient} again`}>
                        Try again
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
