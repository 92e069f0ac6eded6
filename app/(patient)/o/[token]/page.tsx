import type { Metadata } from "next";
import { readOptOutToken } from "@/lib/messages/seal";
import { optOutAction } from "./actions";

export const metadata: Metadata = { title: "Stop emails" };

/** The opt-out link in every message to a patient. Opening it changes nothing; the button does. */
export default async function OptOutPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token === "done") {
    return (
      <div className="card" role="status">
        <h1>No more emails</h1>
        <p>The clinic will not email you again. If you need a link for your questions or your summary, ask the clinic.</p>
      </div>
    );
  }
  if (!readOptOutToken(token)) {
    return (
      <div className="card">
        <h1>This link does not work</h1>
        <p>Copy the whole link from the email, or ask the clinic to stop emailing you.</p>
      </div>
    );
  }
  return (
    <div className="card">
      <h1>Stop emails from the clinic</h1>
      <p>You will get no more invitations, reminders or summaries by email. The clinic can still give you a link in person or by phone.</p>
      <form action={optOutAction.bind(null, token)}>
        <button type="submit" className="btn">
          Stop emails
        </button>
      </form>
    </div>
  );
}
