"use client";

import type { StaffRole } from "@/lib/data/actors";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeStaffAction } from "@/app/(clinic)/admin/actions";

type Change = "disable" | "enable" | "reset-password" | "reset-two-factor" | "unblock-sign-in" | "role:ADMIN" | "role:CLINICIAN";

export function StaffActions({
  userId,
  role,
  disabled,
  twoFactor,
  isSelf,
}: {
  userId: string;
  role: StaffRole;
  disabled: boolean;
  twoFactor: boolean;
  isSelf: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "danger"; text: string } | null>(null);
  const [password, setPassword] = useState<string | null>(null);

  async function run(change: Change, done: string) {
    setBusy(true);
    setMessage(null);
    setPassword(null);
    try {
      const r = await changeStaffAction(userId, change);
      if (r.ok) {
        setMessage({ kind: "ok", text: done });
        if (r.password) setPassword(r.password);
        router.refresh();
      } else setMessage({ kind: "danger", text: r.formError });
    } catch {
      setMessage({ kind: "danger", text: "Nothing was changed: the server could not be reached. Try again." });
    } finally {
      setBusy(false);
    }
  }

  const button = (change: Change, label: string, done: string, danger = false) => (
    <button type="button" className={`btn ${danger ? "btn-danger" : "btn-secondary"}`} disabled={busy} onClick={() => run(change, done)}>
      {label}
    </button>
  );

  return (
    <div className="stack">
      {message && (
        <div className={`alert alert-${message.kind}`} role={message.kind === "ok" ? "status" : "alert"}>
          {message.text}
        </div>
      )}
      {password && (
        <p>
          <label htmlFor="new-one-time-password">New one-time password (shown only now)</label>
          <input id="new-one-time-password" className="input" readOnly value={password} />
        </p>
      )}
      <div className="row">
        {!isSelf &&
          (disabled
            ? button("enable", "Enable account", "Account enabled. The person can sign in again.")
            : button("disable", "Disable account", "Account disabled. Any session it had has ended.", true))}
        {!isSelf &&
          (role === "CLINICIAN"
            ? button("role:ADMIN", "Make administrator", "Now an administrator. Their sessions have ended; they sign in again.")
            : button("role:CLINICIAN", "Make clinician", "Now a clinician. Their sessions have ended; they sign in again."))}
        {!isSelf && button("reset-password", "Reset password", "Password reset. Their sessions have ended; give them the one-time password below.")}
        {!isSelf &&
          button(
            "unblock-sign-in",
            "Unblock sign-in",
            "Sign-in unblocked: the failed attempts against this account are forgotten and the person can sign in from any browser now. Their sessions are unchanged.",
          )}
        {twoFactor &&
          button("reset-two-factor", "Reset two-factor sign-in", "Two-factor sign-in reset. They set it up again at their next sign-in if it is required.")}
      </div>
    </div>
  );
}
