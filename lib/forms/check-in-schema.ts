// The check-in after a run or an exercise day ("My plan"): one schema, used by the phone's form and
// re-parsed by the server action. zod/mini, as the intake, to keep the patient's page light.
import * as z from "zod/mini";
import { isRealDate, numberIn, oneOf, scale, yesNo } from "../assessment/schema-builders";

/** The phone makes the key when the form opens (crypto.randomUUID); a resend carries the same one. */
export const CHECK_IN_KEY = /^[A-Za-z0-9-]{16,64}$/;

/** How far back a check-in may be dated: an offline phone may send a few weeks late, not months. */
export const CHECK_IN_MAX_AGE_DAYS = 60;

const shiftDays = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The run's day: a real date, not after tomorrow in UTC (a phone east of UTC is a day ahead) and not more
 * than CHECK_IN_MAX_AGE_DAYS ago. */
export function checkInDateOk(v: string, now = new Date()): boolean {
  return isRealDate(v) && v <= shiftDays(now, 1) && v >= shiftDays(now, -CHECK_IN_MAX_AGE_DAYS);
}

const nullable = <T extends z.ZodMiniType>(t: T) => z.optional(z.nullable(t));

export const checkInSchema = z
  .strictObject({
    key: z.string({ error: "invalid" }).check(z.regex(CHECK_IN_KEY, "invalid")),
    date: z.string({ error: "date" }).check(z.refine((v) => checkInDateOk(v), "date")),
    kind: oneOf(["run", "exercise"]),
    done: yesNo(),
    km: nullable(numberIn(0, 100)),
    minutes: nullable(numberIn(0, 600, { int: true })),
    painDuring: nullable(scale(0, 10)),
    settledWithinHour: nullable(yesNo()),
    /** Optional: a check-in kept on a phone before this was asked still sends. */
    limped: nullable(yesNo()),
    exercises: nullable(oneOf(["yes", "part", "no"])),
  })
  .check(
    z.superRefine(
      (c, ctx) => {
        // A run done needs what the traffic light reads: pain during it, and whether it settled. How far
        // is distance or minutes (either); an exercise day needs only whether the exercises were done.
        if (c.kind === "run" && c.done) {
          if (c.painDuring == null) ctx.addIssue({ code: "custom", message: "choice", path: ["painDuring"], input: c.painDuring });
          if (c.settledWithinHour == null) ctx.addIssue({ code: "custom", message: "choice", path: ["settledWithinHour"], input: c.settledWithinHour });
          if (c.km == null && c.minutes == null) ctx.addIssue({ code: "custom", message: "required", path: ["km"], input: c.km });
        }
        if (c.kind === "exercise" && c.exercises == null) ctx.addIssue({ code: "custom", message: "choice", path: ["exercises"], input: c.exercises });
      },
      { when: () => true },
    ),
  );

export type CheckInInput = z.infer<typeof checkInSchema>;

/** The next-morning answer for an earlier check-in (by its key). */
export const morningSchema = z.strictObject({
  key: z.string({ error: "invalid" }).check(z.regex(CHECK_IN_KEY, "invalid")),
  worse: yesNo(),
});

export type MorningInput = z.infer<typeof morningSchema>;

/** A check-in with the answers that do not apply to it cleared (an exercise day has no pain during a run;
 * a run not done has no distance), so the same answers always store, and hash, the same way. */
export function normalizeCheckIn(c: CheckInInput): Required<Omit<CheckInInput, "key">> & { key: string } {
  const ran = c.kind === "run" && c.done;
  return {
    key: c.key,
    date: c.date,
    kind: c.kind,
    done: c.done,
    km: ran ? (c.km ?? null) : null,
    minutes: ran ? (c.minutes ?? null) : null,
    painDuring: ran ? (c.painDuring ?? null) : null,
    settledWithinHour: ran ? (c.settledWithinHour ?? null) : null,
    limped: ran ? (c.limped ?? null) : null,
    exercises: c.exercises ?? null,
  };
}
