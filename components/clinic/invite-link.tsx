"use client";

import { useState } from "react";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import { useClinicWords } from "./clinic-words";

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
  const { t: words, f, locale } = useClinicWords();
  const t = words.patients.invite;
  return (
    <>
      <p>
        {intro} {f(t.shownOnce, { until: formatDateTimeIn(locale, expiresAt, timeZone) })}
      </p>
      <div className="field">
        <label htmlFor={id}>{t.label}</label>
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
        {copied ? t.copied : t.copy}
      </button>
    </>
  );
}
