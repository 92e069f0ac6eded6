"use client";

// The check-in after a run or an exercise day: a few big taps, one hand, about 20 seconds. Checked in the
// browser with the same schema the server parses. A check-in made offline (or whose sending failed) waits
// in this phone's outbox and is sent, with the key it was made with, as soon as the phone is back online:
// the server stores one row per key, so it is never lost and never counted twice. The outbox holds only
// check-ins not yet acknowledged (no name, no plan) and each is removed the moment the server answers
// (docs/decisions/0024-between-visits.md).
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { answerMorningAction, saveCheckInAction, type CheckInActionResult } from "@/app/(patient)/plan/actions";
import type { DistanceUnit } from "@/lib/assessment/intake-options";
import { toKm } from "@/lib/assessment/units";
import type { CheckInInput } from "@/lib/forms/check-in-schema";
import type { ErrorCatalog } from "@/lib/forms/messages";
import { format } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/en";
import type { Locale } from "@/lib/i18n/locales";
import { describedBy, FieldError } from "../ui/field-error";
import { parseNumber } from "@/components/ui/number-text";

type Item = { type: "check-in"; body: CheckInInput } | { type: "morning"; body: { key: string; worse: boolean } };
const OUTBOX = "stride-plan-outbox";

/** The validation module, fetched once: right after the page shows (so it is in memory before the patient
 * can go offline mid-form), or at the first submit if that came first. */
let validation: Promise<typeof import("./check-in-validation")> | null = null;
const loadValidation = () => {
  validation ??= import("./check-in-validation").catch((e) => {
    validation = null;
    throw e;
  });
  return validation;
};

/** The decision as the phone shows it: it arrives in the patient's language, its light word included
 * ("Verde: …"). */
function stepOf(r: CheckInActionResult) {
  if (!r.ok || !r.step) return undefined;
  return { light: r.step.light, text: r.step.text, because: r.step.because };
}

function readOutbox(): Item[] {
  try {
    const v = JSON.parse(localStorage.getItem(OUTBOX) ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
function writeOutbox(items: Item[]) {
  if (items.length) localStorage.setItem(OUTBOX, JSON.stringify(items));
  else localStorage.removeItem(OUTBOX);
}

const newKey = () => crypto.randomUUID();

type Status = { kind: "saved" | "offline" | "error" | "sent-later"; text: string; step?: { light: string; text: string; because: string } };

export function CheckIn(props: {
  m: Messages["plan"];
  errors: ErrorCatalog;
  locale: Locale;
  today: string;
  yesterday: string;
  running: boolean;
  askMorning: { key: string; date: string; label: string }[];
  /** The unit the runner answered the intake in: the distance is asked in it and sent in km. */
  unit: DistanceUnit;
}) {
  const { m } = props;
  const t = m.checkIn;
  const router = useRouter();
  const [kind, setKind] = useState<"run" | "exercise">(props.running ? "run" : "exercise");
  const [date, setDate] = useState(props.today);
  const [done, setDone] = useState<boolean | null>(null);
  const [km, setKm] = useState("");
  const [minutes, setMinutes] = useState("");
  const [pain, setPain] = useState<number | null>(null);
  const [settled, setSettled] = useState<boolean | null>(null);
  const [limped, setLimped] = useState<boolean | null>(null);
  const [exercises, setExercises] = useState<"yes" | "part" | "no" | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [morningDone, setMorningDone] = useState<string[]>([]);
  const statusRef = useRef<HTMLDivElement>(null);
  const flushing = useRef(false);

  // The check-in's key, made on the phone at its first send and kept for every retry of it (a failed send,
  // the outbox); a new check-in gets a new one.
  const key = useRef<string | null>(null);

  /** Send what waits in the outbox, oldest first; stop at the first network failure (still offline). */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    let sent = 0;
    try {
      for (let items = readOutbox(); items.length; items = readOutbox()) {
        const item = items[0]!;
        try {
          if (item.type === "check-in") await saveCheckInAction(item.body);
          else await answerMorningAction(item.body);
        } catch {
          break;
        }
        // Answered: stored, already stored, or refused for good. Either way it leaves the phone.
        writeOutbox(readOutbox().filter((i) => i.body.key !== item.body.key || i.type !== item.type));
        sent += 1;
      }
    } finally {
      flushing.current = false;
      setWaiting(readOutbox().length);
    }
    if (sent) {
      setStatus({ kind: "sent-later", text: t.sentLater });
      router.refresh();
    }
  }, [router, t.sentLater]);

  useEffect(() => {
    // Whatever waits from an earlier visit to the page goes now (offline, the first send fails and it waits).
    void flush();
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [flush]);

  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);

  useEffect(() => {
    // After the first paint, off the page's critical path; a failure here is retried at submit.
    const id = window.setTimeout(() => void loadValidation().catch(() => {}), 0);
    return () => window.clearTimeout(id);
  }, []);

  function keep(item: Item) {
    writeOutbox([...readOutbox().filter((i) => !(i.type === item.type && i.body.key === item.body.key)), item]);
    setWaiting(readOutbox().length);
  }

  function reset() {
    setDone(null);
    setKm("");
    setMinutes("");
    setPain(null);
    setSettled(null);
    setLimped(null);
    setExercises(null);
    setErrors({});
    key.current = null;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    key.current ??= newKey();
    const num = (s: string) => parseNumber(s) ?? null;
    // Kept in km whatever the unit typed (an unreadable entry stays as typed, for the schema to name).
    const kmOf = (v: number | null) => (v === null || !Number.isFinite(v) ? v : toKm(v, props.unit));
    const body = {
      key: key.current,
      date,
      kind,
      done: kind === "exercise" ? true : done,
      km: kind === "run" && done ? kmOf(num(km)) : null,
      minutes: kind === "run" && done ? num(minutes) : null,
      painDuring: kind === "run" && done ? pain : null,
      settledWithinHour: kind === "run" && done ? settled : null,
      limped: kind === "run" && done ? limped : null,
      exercises,
    };
    const parsed = (await loadValidation()).validateCheckIn(body, t, props.errors, props.unit);
    if (!parsed.ok) {
      setErrors(parsed.fieldErrors);
      setStatus({ kind: "error", text: t.fixErrors });
      return;
    }
    setErrors({});
    setBusy(true);
    const item: Item = { type: "check-in", body: parsed.data };
    try {
      if (!navigator.onLine) throw new Error("offline");
      const r = await saveCheckInAction(parsed.data);
      if (r.ok) {
        setStatus({ kind: "saved", text: r.repeated ? t.repeated : t.saved, step: stepOf(r) });
        reset();
        router.refresh();
      } else if (r.reason === "invalid") {
        setErrors(r.fieldErrors);
        setStatus({ kind: "error", text: t.fixErrors });
      } else {
        setStatus({ kind: "error", text: r.message });
        reset();
      }
    } catch {
      keep(item);
      setStatus({ kind: "offline", text: t.offline });
      reset();
    } finally {
      setBusy(false);
    }
  }

  async function onMorning(k: string, worse: boolean) {
    const item: Item = { type: "morning", body: { key: k, worse } };
    try {
      if (!navigator.onLine) throw new Error("offline");
      const r = await answerMorningAction(item.body);
      setStatus({ kind: "saved", text: m.morning.saved, step: stepOf(r) });
      router.refresh();
    } catch {
      keep(item);
      setStatus({ kind: "offline", text: t.offline });
    }
    setMorningDone((d) => [...d, k]);
  }

  const ran = kind === "run" && done === true;
  const yesNo = (name: string, legend: string, value: boolean | null, set: (v: boolean) => void, labels: [string, string] = [t.yes, t.no]) => (
    <fieldset className="field" id={name} data-invalid={errors[name] ? true : undefined} aria-describedby={describedBy(errors[name] && `${name}-error`)}>
      <legend>{legend}</legend>
      <div className="choices">
        {([true, false] as const).map((v, i) => (
          <label key={String(v)} className="choice">
            <input type="radio" name={name} checked={value === v} onChange={() => set(v)} />
            <span>{labels[i]}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} message={errors[name]} />
    </fieldset>
  );

  return (
    <>
      {props.askMorning
        .filter((a) => !morningDone.includes(a.key))
        .map((a) => (
          <section key={a.key} className="card" aria-labelledby={`morning-${a.key}`}>
            <h2 id={`morning-${a.key}`}>{m.morning.heading}</h2>
            <p>{format(m.morning.question, { date: a.label }, props.locale)}</p>
            <div className="row">
              <button type="button" className="btn btn-big" onClick={() => onMorning(a.key, true)}>
                {m.morning.worse}
              </button>
              <button type="button" className="btn btn-big" onClick={() => onMorning(a.key, false)}>
                {m.morning.notWorse}
              </button>
            </div>
          </section>
        ))}

      <section className="card" aria-labelledby="check-in-h">
        <h2 id="check-in-h">{t.heading}</h2>
        <p>{t.intro}</p>
        <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite" className={status?.kind === "error" ? "error" : undefined}>
          {status && <p>{status.text}</p>}
          {status?.step && (
            <p className={`plan-step plan-step-${status.step.light}`}>
              <strong>{status.step.text}</strong> {status.step.because}
            </p>
          )}
          {waiting > 0 && <p>{format(t.waiting, { n: waiting }, props.locale)}</p>}
        </div>
        <form onSubmit={onSubmit} noValidate>
          {props.running && (
            <fieldset className="field">
              <legend>{t.kind}</legend>
              <div className="choices">
                {(["run", "exercise"] as const).map((k) => (
                  <label key={k} className="choice">
                    <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                    <span>{k === "run" ? t.kindRun : t.kindExercise}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <fieldset className="field" id="date" aria-describedby={describedBy(errors.date && "date-error")}>
            <legend>{t.date}</legend>
            <div className="choices">
              {[
                [props.today, t.today],
                [props.yesterday, t.yesterday],
              ].map(([d, label]) => (
                <label key={d} className="choice">
                  <input type="radio" name="date" checked={date === d} onChange={() => setDate(d!)} />
                  <span>{label}</span>
                </label>
              ))}
            </div>
            <FieldError id="date-error" message={errors.date} />
          </fieldset>
          {kind === "run" && yesNo("done", t.done, done, setDone)}
          {ran && (
            <>
              <div className="row">
                <div className="field">
                  <label htmlFor="km">{props.unit === "mi" ? t.mi : t.km}</label>
                  <input
                    id="km"
                    className="input"
                    inputMode="decimal"
                    value={km}
                    onChange={(e) => setKm(e.target.value)}
                    aria-invalid={!!errors.km}
                    aria-describedby={describedBy(errors.km && "km-error")}
                    style={{ width: "7rem" }}
                  />
                  <FieldError id="km-error" message={errors.km} />
                </div>
                <div className="field">
                  <label htmlFor="minutes">{t.minutes}</label>
                  <input
                    id="minutes"
                    className="input"
                    inputMode="numeric"
                    value={minutes}
                    onChange={(e) => setMinutes(e.target.value)}
                    aria-invalid={!!errors.minutes}
                    aria-describedby={describedBy(errors.minutes && "minutes-error")}
                    style={{ width: "7rem" }}
                  />
                  <FieldError id="minutes-error" message={errors.minutes} />
                </div>
              </div>
              <fieldset
                className="field"
                id="painDuring"
                data-invalid={errors.painDuring ? true : undefined}
                aria-describedby={describedBy(errors.painDuring && "painDuring-error")}
              >
                <legend>{t.pain}</legend>
                <div className="choices choices-scale">
                  {Array.from({ length: 11 }, (_, n) => (
                    <label key={n} className="choice">
                      <input type="radio" name="painDuring" checked={pain === n} onChange={() => setPain(n)} />
                      <span>{n}</span>
                    </label>
                  ))}
                </div>
                <FieldError id="painDuring-error" message={errors.painDuring} />
              </fieldset>
              {yesNo("settledWithinHour", t.settled, settled, setSettled)}
              {yesNo("limped", t.limped, limped, setLimped)}
            </>
          )}
          <fieldset
            className="field"
            id="exercises"
            data-invalid={errors.exercises ? true : undefined}
            aria-describedby={describedBy(errors.exercises && "exercises-error")}
          >
            <legend>{t.exercises}</legend>
            <div className="choices">
              {(
                [
                  ["yes", t.exYes],
                  ["part", t.exPart],
                  ["no", t.exNo],
                ] as const
              ).map(([v, label]) => (
                <label key={v} className="choice">
                  <input type="radio" name="exercises" checked={exercises === v} onChange={() => setExercises(v)} />
                  <span>{label}</span>
                </label>
              ))}
            </div>
            <FieldError id="exercises-error" message={errors.exercises} />
          </fieldset>
          <button type="submit" className="btn btn-big" disabled={busy}>
            {busy ? t.sending : t.submit}
          </button>
        </form>
      </section>
    </>
  );
}
