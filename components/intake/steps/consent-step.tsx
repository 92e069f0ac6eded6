"use client";

import { TextField, TickBox, useIntake } from "../fields";
import styles from "../intake.module.css";

/** Step 7: the clinic's consent statement (settings.consentText, editable by the clinic), agreement and the
 * typed full name as signature. The statement as shown is stored with the submission and the time. */
export default function ConsentStep({ consentText, changed }: { consentText: string; changed: boolean }) {
  const { m } = useIntake();
  return (
    <>
      {changed && (
        <div className="alert alert-warning" role="alert">
          {m.consent.changed}
        </div>
      )}
      <p>{m.consent.intro}</p>
      <blockquote className={styles.consent}>
        {consentText.split(/\n+/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </blockquote>
      <TickBox path="consent.agreed" />
      <TextField path="consent.signatureName" hint={m.hints.signature} autoComplete="name" />
    </>
  );
}
