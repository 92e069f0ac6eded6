"use client";

// The patient's multi-step intake. Kept light for old phones (at most 40 KB of JS over
// an empty page): the first step ships with the page; later steps load when reached (prefetched while the
// patient answers the current one); validation (zod/mini and the schema) loads on first use; every word
// arrives as props from the server, so the catalog is not in the bundle.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, type FieldErrors } from "react-hook-form";
import { submitIntakeAction } from "@/app/(patient)/intake/actions";
import { useAutosave, type AutosaveStatus } from "@/components/ui/use-autosave";
import type { SaveOutcome } from "@/lib/forms/autosave-core";
import type { Draft } from "./validation";
import { dropInapplicable, type IntakeKind, type QuestionnaireSwitches } from "@/lib/assessment/intake-options";
import { mergeDeep } from "@/lib/assessment/merge";
import type { UrgentReason } from "@/lib/assessment/safety";
import { AKPS_ITEMS, LEFS_ITEMS } from "@/lib/assessment/scoring";
import { intakeLabels } from "@/lib/forms/intake-labels";
import { labelsFrom } from "@/lib/forms/labels";
import type { ErrorCatalog } from "@/lib/forms/messages";
import type { Messages } from "@/lib/i18n/en";
import { format, formatTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { fieldId as idOf } from "@/components/ui/field-ids";
import { IntakeContext, useIntake, type IntakeContextValue } from "./fields";
import { ThankYou } from "./thank-you";
import AboutStep from "./steps/about-step";
import styles from "./intake.module.css";

type M = Messages["intake"];
export type StepId = keyof M["steps"];
type Values = Record<string, unknown>;

const INITIAL_STEPS: StepId[] = ["about", "running", "knee", "pain", "safety", "questionnaires", "consent"];
const FOLLOW_UP_STEPS: StepId[] = ["running", "knee", "pain", "safety", "questionnaires", "consent"];

function Loading() {
  const { m } = useIntake();
  return (
    <p className="muted" role="status">
      {m.loading}
    </p>
  );
}

const RunningStep = dynamic(() => import("./steps/running-step"), { loading: Loading });
const KneeStep = dynamic(() => import("./steps/knee-step"), { loading: Loading });
const PainStep = dynamic(() => import("./steps/pain-step"), { loading: Loading });
const SafetyStep = dynamic(() => import("./steps/safety-step"), { loading: Loading });
const QuestionnairesStep = dynamic(() => import("./steps/questionnaires-step"), { loading: Loading });
const ConsentStep = dynamic(() => import("./steps/consent-step"), { loading: Loading });

/** Fetch a step's code before it is needed (same chunk next/dynamic loads). */
const PREFETCH: Partial<Record<StepId, () => Promise<unknown>>> = {
  running: () => import("./steps/running-step"),
  knee: () => import("./steps/knee-step"),
  pain: () => import("./steps/pain-step"),
  safety: () => import("./steps/safety-step"),
  questionnaires: () => import("./steps/questionnaires-step"),
  consent: () => import("./steps/consent-step"),
};

let validation: Promise<typeof import("./validation")> | undefined;
/** The validation code, once; a failed load (a dropped connection) is tried again next time. */
function loadValidation() {
  validation ??= import("./validation").catch((e: unknown) => {
    validation = undefined;
    throw e;
  });
  return validation;
}

/** Typing pause before a save (security-requirements §5: at most 5 s of input at risk). */
const AUTOSAVE_DELAY_MS = 2000;
const BACKOFF_MS = [2000, 4000, 8000, 15000, 30000];

const draftKey = (d: Draft) => `${JSON.stringify(d.answers)}\n${d.step ?? ""}`;

/** A key for this form's submission: a double tap or a retry lands once (crypto.randomUUID needs HTTPS). */
function newKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/** Empty lists for ticked boxes and unanswered questionnaire items, then the saved draft on top. */
function startingValues(kind: IntakeKind, enabled: QuestionnaireSwitches, saved: unknown): Values {
  const base: Values = {
    running: kind === "INITIAL" ? { distanceUnit: "km", surfaces: [], recentChanges: [] } : { distanceUnit: "km" },
    knee: kind === "INITIAL" ? { areas: { left: [], right: [] }, triggers: [], tried: [] } : { areas: { left: [], right: [] } },
    questionnaires: {
      ...(enabled.akps ? { akps: Array.from({ length: AKPS_ITEMS }, () => null) } : {}),
      ...(enabled.lefs ? { lefs: Array.from({ length: LEFS_ITEMS }, () => null) } : {}),
    },
  };
  return mergeDeep(base, saved ?? {});
}

/** Each error as [path, message], in the form's order. */
function flatErrors(errors: FieldErrors, prefix = ""): [string, string][] {
  return Object.entries(errors).flatMap(([k, v]) => {
    if (!v || typeof v !== "object") return [];
    const path = prefix ? `${prefix}.${k}` : k;
    const own: [string, string][] = typeof (v as { message?: unknown }).message === "string" ? [[path, (v as { message: string }).message]] : [];
    const nested = Object.entries(v).some(([kk]) => kk !== "message" && kk !== "type" && kk !== "ref" && kk !== "types");
    return [...own, ...(nested ? flatErrors(v as FieldErrors, path) : [])];
  });
}

export interface IntakeFormProps {
  kind: IntakeKind;
  /** The page's language, for times written in the patient's convention. */
  locale: Locale;
  enabled: QuestionnaireSwitches;
  greeting: string;
  /** Shown when the clinic reopened the intake for corrections. */
  note: string | null;
  fullName: string;
  consentText: string;
  askMissedPeriods: boolean;
  initial: { answers: unknown; version: number; resumeStep: string | null } | null;
  messages: M;
  errors: ErrorCatalog;
  thanks: Messages["thanks"];
  /** The "Back to My plan" label when the follow-up questions were started from My plan. */
  backToPlan?: string | null;
}

export function IntakeForm(props: IntakeFormProps) {
  const { kind, enabled, messages: m, errors: catalog, fullName, initial } = props;
  const router = useRouter();
  const steps = useMemo(
    () => (kind === "FOLLOW_UP" ? FOLLOW_UP_STEPS : INITIAL_STEPS).filter((s) => s !== "questionnaires" || enabled.akps || enabled.lefs),
    [kind, enabled],
  );
  const labels = useMemo(() => intakeLabels(m, fullName), [m, fullName]);
  const context = useMemo<IntakeContextValue>(() => ({ m, label: labelsFrom(labels), fullName }), [m, labels, fullName]);

  const resolver = useCallback(
    async (values: Values, ctx: unknown, opts: Parameters<ReturnType<typeof import("./validation").intakeResolver>>[2]) =>
      (await loadValidation()).intakeResolver(kind, enabled, labels, m, catalog)(values, ctx, opts),
    [kind, enabled, labels, m, catalog],
  );
  const form = useForm<Values>({ defaultValues: startingValues(kind, enabled, initial?.answers), resolver, shouldFocusError: false });

  const [index, setIndex] = useState(() => Math.max(0, steps.indexOf(initial?.resumeStep as StepId)));
  const step = steps[index]!;
  /** The step whose problems the summary lists (computed at render, so fixed answers drop out of it). */
  const [summaryFor, setSummaryFor] = useState<StepId | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<UrgentReason[] | null>(null);
  const [consent, setConsent] = useState({ text: props.consentText, changed: false });
  const [key] = useState(newKey);
  const [focus, setFocus] = useState<{ target: "heading" | "error"; n: number } | null>(null);
  const stepRef = useRef<HTMLElement>(null);

  // Autosave: a draft saved meanwhile by another tab or device is merged, never overwritten.
  const { status: saveStatus, autosave } = useAutosave<Values, Draft, null>(form, {
    debounceMs: AUTOSAVE_DELAY_MS,
    retryMs: BACKOFF_MS,
    initial: { version: initial?.version ?? null, data: { answers: initial?.answers ?? {}, step: initial ? step : null } },
    keyOf: draftKey,
    prepare: async () => {
      // Invalid answers stay on screen, unsaved, until they are fixed.
      const data = { answers: (await loadValidation()).pruneDraft(kind, form.getValues()).data, step };
      return { data, key: draftKey(data), leftOut: 0 };
    },
    send: async (draft, version): Promise<SaveOutcome<Draft, null>> => (await loadValidation()).sendDraft(draft, version, autosave.getBase().step),
    merge: async (base, current) => {
      // Take what the other device changed and this one did not; this one's changes are saved next.
      const { remoteChanges } = await loadValidation();
      for (const [path, value] of remoteChanges(base.answers, form.getValues(), current.answers)) form.setValue(path, value as never, { shouldDirty: true });
      setNotice(m.save.merged);
    },
  });
  // Leaving with answers not saved yet: save them, and ask first.
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!autosave.isDirty() || autosave.isStopped()) return;
      void autosave.flush();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [autosave]);
  // Another device submitted, or the link closed: the page shows why.
  const closed = saveStatus.kind === "closed";
  useEffect(() => {
    if (closed) router.refresh();
  }, [closed, router]);
  // A save at once on every step change (not on the first render).
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    void autosave.flush();
  }, [step, autosave]);

  // An answer that was marked wrong is checked again as soon as it changes, so its message (and its line in
  // the summary) goes away once it is fixed, not at the next press of "Next".
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ name }) => {
        if (name && form.getFieldState(name).error) void form.trigger(name).catch(() => {});
      },
    });
  }, [form]);

  // After sending, the thank-you heading takes focus (not the top of an emptied page).
  useEffect(() => {
    if (done) document.getElementById("thanks-title")?.focus();
  }, [done]);

  // Fetch the validation code and the next step while the patient reads this one.
  useEffect(() => {
    const t = setTimeout(() => {
      void loadValidation().catch(() => {});
      void PREFETCH[steps[index + 1]!]?.().catch(() => {});
    }, 800);
    return () => clearTimeout(t);
  }, [index, steps]);

  // Move focus where a keyboard or screen-reader user needs it after a step change or a failed check.
  useEffect(() => {
    if (!focus) return;
    const root = stepRef.current;
    if (focus.target === "error") {
      (document.getElementById("error-summary") ?? root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input'))?.focus();
    } else {
      root?.querySelector<HTMLElement>("h2")?.focus();
      window.scrollTo(0, 0);
    }
  }, [focus]);

  const showErrors = (target: StepId) => {
    setSummaryFor(target);
    setFocus({ target: "error", n: Date.now() });
  };

  const goTo = (i: number) => {
    setSummaryFor(null);
    setFormError(null);
    setIndex(i);
    setFocus({ target: "heading", n: Date.now() });
  };

  /** Check this step's answers; move on only when they are fine. */
  async function next() {
    setFormError(null);
    let ok: boolean;
    try {
      ok = await form.trigger(step);
    } catch {
      setFormError(m.loadFailed);
      return;
    }
    if (!ok) return showErrors(step);
    goTo(index + 1);
  }

  async function send() {
    setFormError(null);
    let ok: boolean;
    try {
      ok = await form.trigger();
    } catch {
      setFormError(m.loadFailed);
      return;
    }
    if (!ok) {
      const first = steps.find((s) => form.getFieldState(s).invalid) ?? step;
      if (first !== step) {
        setIndex(steps.indexOf(first));
        setFormError(m.otherStepErrors.replace("{step}", m.steps[first]));
      }
      return showErrors(first);
    }
    setSending(true);
    autosave.stop();
    const values = dropInapplicable(kind, form.getValues());
    try {
      const r = await submitIntakeAction(values, key, consent.text);
      if (r.ok) {
        setDone(r.urgent);
        window.scrollTo(0, 0);
        return;
      }
      if (r.consentText) {
        setConsent({ text: r.consentText, changed: true });
        form.setValue("consent.agreed", undefined);
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) form.setError(path, { message });
      const first = steps.find((s) => Object.keys(r.fieldErrors).some((p) => p === s || p.startsWith(`${s}.`)));
      if (first && first !== step) setIndex(steps.indexOf(first));
      setFormError(r.formError ?? m.fixErrors);
      if (first) showErrors(first);
    } catch {
      setFormError(m.sendFailed);
    } finally {
      setSending(false);
      autosave.resume();
    }
  }

  if (done)
    return <ThankYou messages={props.thanks} urgent={done} urgentMessages={m.urgent} backToPlan={props.backToPlan} followUp={props.kind === "FOLLOW_UP"} />;

  const last = index === steps.length - 1;
  // Read on every render: the form re-renders when its errors change, so the summary follows them.
  const errors = form.formState.errors;
  const summary = summaryFor ? flatErrors(errors).filter(([p]) => p === summaryFor || p.startsWith(`${summaryFor}.`)) : null;
  // A step of 28 unanswered questions lists the first few, not a wall of 28 links.
  const shown = summary?.slice(0, SUMMARY_MAX) ?? [];
  return (
    <IntakeContext.Provider value={context}>
      <FormProvider {...form}>
        <form
          noValidate
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void (last ? send() : next());
          }}
        >
          <div className={styles.head}>
            <h1>{m.title}</h1>
            {index === 0 && <p>{props.greeting}</p>}
            {index === 0 && props.note && <div className="alert alert-info">{props.note}</div>}
            <Progress steps={steps} index={index} m={m} onGoTo={goTo} />
          </div>

          {formError && (
            <div className="alert alert-danger" role="alert">
              {formError}
            </div>
          )}
          {summary && summary.length > 0 && (
            <div className="alert alert-danger" role="alert" id="error-summary" tabIndex={-1}>
              <p>
                <strong>{summary.length === 1 ? m.fixErrorsOne : m.fixErrorsCount.replace("{count}", String(summary.length))}</strong>
              </p>
              <ul>
                {shown.map(([path, message]) => (
                  <li key={path}>
                    <a href={`#${idOf(path)}`} onClick={(e) => focusField(e, path)}>
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
              {summary.length > shown.length && <p>{format(m.fixErrorsMore, { n: summary.length - shown.length }, props.locale)}</p>}
            </div>
          )}

          <section ref={stepRef} aria-labelledby="step-title" className="card">
            <h2 id="step-title" tabIndex={-1} className={styles.stepTitle}>
              {m.steps[step]}
            </h2>
            {step === "about" && <AboutStep />}
            {step === "running" && <RunningStep kind={kind} />}
            {step === "knee" && <KneeStep kind={kind} />}
            {step === "pain" && <PainStep kind={kind} />}
            {step === "safety" && <SafetyStep kind={kind} askMissedPeriods={props.askMissedPeriods} />}
            {step === "questionnaires" && <QuestionnairesStep enabled={enabled} />}
            {step === "consent" && <ConsentStep consentText={consent.text} changed={consent.changed} />}
          </section>

          <div className={styles.nav}>
            {index > 0 && (
              <button type="button" className="btn btn-secondary" onClick={() => goTo(index - 1)} disabled={sending}>
                {m.back}
              </button>
            )}
            <button type="submit" className="btn" disabled={sending}>
              {last ? (sending ? m.submitting : m.submit) : m.next}
            </button>
          </div>
          <SaveLine status={saveStatus} m={m} notice={notice} locale={props.locale} />
        </form>
      </FormProvider>
    </IntakeContext.Provider>
  );
}

const SUMMARY_MAX = 5;

/**
 * An error summary's link takes focus to the field itself: for a group of radios (a fieldset, which cannot
 * take focus) its chosen or first option, so the keyboard stays where the patient is sent.
 */
function focusField(e: React.MouseEvent<HTMLAnchorElement>, path: string) {
  const target = document.getElementById(idOf(path));
  if (!target) return;
  e.preventDefault();
  const control = target.matches("input, select, textarea, button") ? target : target.querySelector<HTMLElement>("input:checked, input, select, textarea");
  (control ?? target).focus();
  target.scrollIntoView({ block: "center" });
}

function Progress({ steps, index, m, onGoTo }: { steps: StepId[]; index: number; m: M; onGoTo: (i: number) => void }) {
  return (
    <nav aria-label={m.stepsLabel} className={styles.progress}>
      <p className={styles.progressText}>
        {m.progress.replace("{n}", String(index + 1)).replace("{total}", String(steps.length))}: <strong>{m.steps[steps[index]!]}</strong>
      </p>
      <div className={styles.bar} aria-hidden="true">
        <div style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
      </div>
      <ol className={styles.stepList}>
        {steps.map((s, i) => (
          <li key={s} aria-current={i === index ? "step" : undefined} className={i < index ? styles.doneStep : i === index ? styles.currentStep : undefined}>
            {i < index ? (
              <button type="button" className="btn-link" onClick={() => onGoTo(i)}>
                {m.steps[s]}
              </button>
            ) : (
              <span>{m.steps[s]}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "Saved" / "Saving…" / "Not saved, retrying": visible always; announced only when something is wrong. */
function SaveLine({ status: s, m, notice, locale }: { status: AutosaveStatus<null>; m: M; notice: string | null; locale: Locale }) {
  const status =
    s.kind === "saved"
      ? s.version === null
        ? "idle"
        : "saved"
      : s.kind === "retrying"
        ? s.offline
          ? "offline"
          : "retrying"
        : s.kind === "refused"
          ? "invalid"
          : s.kind;
  const savedAt = s.kind === "saved" && s.at ? new Date(s.at) : null;
  const text =
    status === "saving"
      ? m.save.saving
      : status === "saved"
        ? savedAt
          ? m.save.savedAt.replace("{time}", formatTime(locale, savedAt))
          : m.save.saved
        : status === "retrying"
          ? m.save.retrying
          : status === "offline"
            ? m.save.offline
            : status === "invalid"
              ? m.save.failed
              : "";
  const problem = status === "retrying" || status === "offline" || status === "invalid";
  return (
    <div className={styles.save}>
      <p className={problem ? styles.saveProblem : styles.saveOk} data-save-status={status}>
        {text}
      </p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {problem ? text : ""}
        {notice ?? ""}
      </div>
    </div>
  );
}
