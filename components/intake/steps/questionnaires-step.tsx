"use client";

import type { QuestionnaireSwitches } from "@/lib/assessment/intake-options";
import { Choices, useIntake } from "../fields";
import styles from "../intake.module.css";

/** Step 6: the Kujala AKPS (13 items) and the LEFS (20 items), clinical-rules §4.1 and §4.2, each with
 * its source beneath. Options in the reference's order; the answer stored is the option's index (AKPS) or
 * the rating 0–4 (LEFS). A clinic can switch either off. */
export default function QuestionnairesStep({ enabled }: { enabled: QuestionnaireSwitches }) {
  const { m, label } = useIntake();
  // No validated translation in this language yet: the English text, said so, and marked as English.
  const note = m.questionnaireInEnglish;
  const lang = note ? "en" : undefined;
  return (
    <>
      {note && (
        <p className="hint" role="note">
          {note}
        </p>
      )}
      {enabled.akps && (
        <section aria-labelledby="q-akps" className={styles.questionnaire} lang={lang}>
          <h3 id="q-akps">{m.akps.title}</h3>
          <p>{m.akps.intro}</p>
          <ol className={styles.items}>
            {m.akps.items.map((item, i) => (
              <li key={i}>
                <Choices path={`questionnaires.akps.${i}`} legend={`${i + 1}. ${item.q}`} options={item.options.map((o, j) => ({ value: j, label: o }))} />
              </li>
            ))}
          </ol>
          <p className={styles.source}>{m.akps.source}</p>
        </section>
      )}
      {enabled.lefs && (
        <section aria-labelledby="q-lefs" className={styles.questionnaire} lang={lang}>
          <h3 id="q-lefs">{m.lefs.title}</h3>
          <p>{m.lefs.stem}</p>
          <ol className={styles.items}>
            {m.lefs.items.map((item, i) => (
              <li key={i}>
                <Choices
                  path={`questionnaires.lefs.${i}`}
                  legend={`${i + 1}. ${item}`}
                  options={m.lefs.ratings.map((r, rating) => ({ value: rating, label: r }))}
                />
              </li>
            ))}
          </ol>
          <p className={styles.source}>{m.lefs.source}</p>
        </section>
      )}
      {!enabled.akps && !enabled.lefs && <p>{label("questionnaires")}: –</p>}
    </>
  );
}
