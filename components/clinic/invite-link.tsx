"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";

/** A patient's intake link, shown once to copy (only its hash is stored). */
export function InviteLink({
  link,
  expiresAt,
  intro,
  timeZone,
  id = "invite-link",
}: {
  link: string;
  expiresAt: string;
  intro: React.ReactNode;
  timeZone: string;
  id?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <p>
        {intro} It is shown only now: copy it before you leave this page. It works until {formatDateTime(expiresAt, timeZone)} and stops once the intake is
        sent.
      </p>
      <div className="field">
        <label htmlFor={id}>Intake link</label>
        <input id={id} className="input" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <button
        type="button"
        className="btn"
        onClick={async () => {
          await navigator.clipboard?.writeText(link).catch(() => {});
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </>
  );
}
