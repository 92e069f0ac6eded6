// The check-in form's field labels by schema path, from the patient's catalog (browser and server alike).
import type { Messages } from "../i18n/en";

export function checkInLabels(t: Messages["plan"]["checkIn"]): Record<string, string> {
  return {
    key: t.heading,
    date: t.date,
    kind: t.kind,
    done: t.done,
    km: t.km,
    minutes: t.minutes,
    painDuring: t.pain,
    settledWithinHour: t.settled,
    limped: t.limped,
    exercises: t.exercises,
  };
}
