// Queue settings shared by the app (which adds jobs) and the worker (which runs them).

/** Attempts before a message goes to the dead-letter list. graphile-worker waits exp(min(attempt, 10))
 * seconds between attempts (3 s, 7 s, 20 s, 55 s, 2.5 min, …), so 10 attempts span about 9 hours. */
export function maxAttempts(): number {
  const n = Number(process.env.MESSAGE_MAX_ATTEMPTS ?? 10);
  return Number.isInteger(n) && n >= 1 && n <= 25 ? n : 10;
}

/** The app's address as patients reach it, for links in messages. */
export function publicOrigin(): string {
  const url = process.env.NEXTAUTH_URL;
  if (url) return url.replace(/\/$/, "");
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

export const SEND_TASK = "send_message";
export const REMINDER_TASK = "intake_reminder";
/** The day the follow-up questions open on My plan: the patient is told by email (ADR 0026). */
export const FOLLOW_UP_TASK = "follow_up_due";
