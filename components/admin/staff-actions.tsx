"use client";

import type { StaffRole } from "@/lib/data/actors";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeStaffAction } from "@/app/(clinic)/admin/actions";
import { useClinicWords } from "@/components/clinic/clinic-words";

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
  const { t: words } = useClinicWords();
  const t = words.admin.staffActions;
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
      setMessage({ kind: "danger", text: words.admin.notReachedNothingChanged });
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
          <label htmlFor="new-one-time-password">{t.newPassword}</label>
          <input id="new-one-time-password" className="input" readOnly value={password} />
        </p>
      )}
      <div className="row">
        {!isSelf && (disabled ? button("enable", t.enable, t.enableDone) : button("disable", t.disable, t.disableDone, true))}
        {!isSelf &&
          (role === "CLINICIAN" ? button("role:ADMIN", t.makeAdmin, t.makeAdminDone) : button("role:CLINICIAN", t.makeClinician, t.makeClinicianDone))}
        {!isSelf && button("reset-password", t.resetPassword, t.resetPasswordDone)}
        {!isSelf && button("unblock-sign-in", t.unblock, t.unblockDone)}
        {twoFactor && button("reset-two-factor", t.resetTwoFactor, t.resetTwoFactorDone)}
      </div>
    </div>
  );
}
