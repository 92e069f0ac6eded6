"use client";

// The clinician's exam: fast to enter on a tablet or a keyboard, derived values beside the inputs
// as they are typed, autosaved to the server, never silently overwritten, locked once finalized.
import { useRouter } from "next/navigation";
import { lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { FormProvider, useForm, useFormContext } from "react-hook-form";
import { amendExamAction, finalizeExamAction, saveExamAction } from "@/app/(clinic)/visits/[visitId]/exam/actions";
import { deriveExam, type ExamContext } from "@/lib/assessment/exam-derived";
import { buildExamLabels } from "@/lib/assessment/exam-labels";
import type { ProtocolSource } from "@/lib/assessment/exam-start";
import { EMPTY_EXAM, examSchema, type EngineExam, type ExamData, type MuscleGroupKey } from "@/lib/assessment/exam-schema";
import type { ForceUnit, MassUnit } from "@/lib/assessment/exam-units";
import { formatTime } from "@/lib/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import { labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { fingerprint, validPart } from "@/lib/forms/valid-part";
import type { SaveOutcome } from "@/lib/forms/autosave-core";
import type { ExamDTO } from "@/lib/data/exams";
import { useAutosave, type AutosaveStatus } from "@/components/ui/use-autosave";
import { useClinicWords } from "@/components/clinic/clinic-words";
import { ExamUiContext } from "./exam/fields";
import {
  BodySection,
  FlexibilitySection,
  FunctionalSection,
  ImpressionSection,
  MmtSection,
  PalpationSection,
  SafetySection,
  ScreenSection,
} from "./exam/sections";
import { createDerivedStore, DerivedStoreContext } from "./exam/derived-store";
import { StrengthSection } from "./exam/strength-section";
import styles from "./exam/exam-form.module.css";

/** The exam stores answers only, over its empty groups (lib/forms/valid-part.ts). */
const EXAM_PART = { base: EMPTY_EXAM, compact: true };

type SaveStatus = AutosaveStatus<ExamDTO>;

// The conflict panel (and its three-way merge) is needed only when someone else saved meanwhile (the server has
// just answered, so it can be fetched then): the exam's first load does not carry it.
const ConflictPanel = lazy(() => import("./exam/conflict-panel"));

export interface ExamFormProps {
  visitId: string;
  /** DRAFT (editable), FINAL or SUPERSEDED (read-only), or NEW (nothing saved yet). */
  state: "NEW" | "DRAFT" | "FINAL" | "SUPERSEDED";
  revision: number;
  /** Whether this is the visit's latest revision (only the latest can be amended). */
  isLatest: boolean;
  /** The form's starting values (saved data, with the intake's body mass and the protocols filled in). */
  initial: ExamData;
  /** What the server holds (the merge base); for a new exam, the same as `initial`. */
  saved: ExamData;
  version: number | null;
  finalized: { at: string; byName: string | null } | null;
  context: Omit<ExamContext, "previous"> & { previous: { data: ExamData; visitDate: string } | null };
  protocolSources: Record<MuscleGroupKey, ProtocolSource>;
  prefilled: { bodyMassKg: boolean; heightCm: boolean };
  /** The clinic's time zone (lib/format.ts): finalized and saved times are shown in it. */
  timeZone: string;
}

export function ExamForm(props: ExamFormProps) {
  const router = useRouter();
  const { t: words } = useClinicWords();
  const t = words.exam.form;
  const readOnly = props.state === "FINAL" || props.state === "SUPERSEDED";
  // Error messages in the clinic's language, with the field labels from its catalog.
  const resolver = useMemo(() => schemaResolver<ExamData>(examSchema, labelsFrom(buildExamLabels(words.exam.labels)), words.errors), [words]);
  const form = useForm<ExamData>({ resolver, defaultValues: props.initial, mode: "onBlur", reValidateMode: "onChange" });
  const autosave = useExamAutosave(props.visitId, form, props.version, props.saved, !readOnly);
  const [massUnit, setMassUnit] = useState<MassUnit>("kg");
  const [forceUnit, setForceUnit] = useState<ForceUnit>("N");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const ctx = useMemo<ExamContext>(() => ({ ...props.context, previous: props.context.previous?.data ?? null }), [props.context]);

  useLeaveGuard(autosave.hasUnsaved, t.leaveConfirm);

  const stickyBar = useScrollClearance<HTMLDivElement>();

  const finalize = useCallback(async () => {
    setMessage(null);
    setBusy(true);
    try {
      const saved = await autosave.flush();
      if (saved === "invalid") {
        setConfirming(false);
        setMessage({ kind: "error", text: t.notFinalizedInvalid });
        return;
      }
      if (saved === "blocked") return setConfirming(false);
      const version = autosave.getVersion();
      if (version === null) return setMessage({ kind: "error", text: t.nothingRecorded });
      const r = await finalizeExamAction(props.visitId, version);
      if (r.ok) router.refresh();
      else setMessage({ kind: "error", text: r.signedOut ? words.exam.actions.signedOutAction : r.formError });
    } catch {
      setMessage({ kind: "error", text: t.notFinalizedOffline });
    } finally {
      setBusy(false);
    }
  }, [autosave, props.visitId, router, t, words]);

  const amend = useCallback(
    async (data?: ExamData) => {
      setBusy(true);
      setMessage(null);
      try {
        const r = await amendExamAction(props.visitId);
        if (!r.ok) return setMessage({ kind: "error", text: r.signedOut ? words.exam.actions.signedOutAction : r.formError });
        if (data) {
          const s = await saveExamAction(props.visitId, validPart(examSchema, data, EXAM_PART).data, r.version);
          if (!s.ok) setMessage({ kind: "error", text: t.amendPartial });
        }
        router.refresh();
      } catch {
        setMessage({ kind: "error", text: t.offline });
      } finally {
        setBusy(false);
      }
    },
    [props.visitId, router, t, words],
  );

  const status = autosave.status;
  return (
    <FormProvider {...form}>
      <Derived ctx={ctx} readOnly={readOnly}>
        <form
          className={`stack ${styles.form}`}
          noValidate
          aria-label={t.formLabel}
          onSubmit={(e) => {
            // Enter in a field saves at once.
            e.preventDefault();
            if (!readOnly) void autosave.flush();
          }}
        >
          <StateBanner {...props} busy={busy} onAmend={() => void amend()} />
          {(status.kind === "conflict" || status.kind === "locked") && (
            <Suspense fallback={null}>
              <ConflictPanel
                key={`${status.kind}-${status.theirs.version}-${status.theirs.state}`}
                kind={status.kind}
                theirs={status.theirs}
                base={autosave.getBase()}
                getMine={() => form.getValues()}
                busy={busy}
                onResolve={(data, save) => (status.kind === "locked" ? router.refresh() : autosave.resolve(data, status.theirs, save))}
                onAmendWithMine={(data) => void amend(data)}
                timeZone={props.timeZone}
              />
            </Suspense>
          )}
          <BodySection massUnit={massUnit} onMassUnit={setMassUnit} prefilled={props.prefilled} />
          <StrengthSection
            forceUnit={forceUnit}
            onForceUnit={setForceUnit}
            sources={props.protocolSources}
            previousDate={props.context.previous?.visitDate ?? null}
          />
          <MmtSection />
          <FunctionalSection />
          <ScreenSection />
          <SafetySection />
          <FlexibilitySection />
          <PalpationSection />
          <ImpressionSection />
          {!readOnly && (
            <div className={styles.bar} ref={stickyBar}>
              <StatusLine status={status} timeZone={props.timeZone} />
              <div className={styles.actions}>
                <button type="submit" className="btn btn-secondary" disabled={busy}>
                  {t.saveNow}
                </button>
                {confirming ? (
                  <>
                    <button type="button" className="btn" disabled={busy} onClick={() => void finalize()}>
                      {busy ? t.finalizing : t.confirmFinalize}
                    </button>
                    <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => setConfirming(false)}>
                      {t.cancel}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="btn"
                    disabled={busy || status.kind === "conflict" || status.kind === "locked"}
                    onClick={() => setConfirming(true)}
                  >
                    {t.finalize}
                  </button>
                )}
              </div>
              {confirming && (
                <p className={styles.hint} style={{ width: "100%", margin: 0 }}>
                  {t.finalizeHint}
                </p>
              )}
              {message && (
                <p role="alert" className={message.kind === "error" ? styles.statusBad : undefined} style={{ width: "100%", margin: 0 }}>
                  {message.text}
                </p>
              )}
            </div>
          )}
          {readOnly && message && (
            <p role="alert" className="alert alert-danger">
              {message.text}
            </p>
          )}
        </form>
      </Derived>
    </FormProvider>
  );
}

/**
 * The exam's autosave (components/ui/use-autosave.ts): 1.2 s after the last change, at most 5 s while changes
 * keep coming (security-requirements §5). A save refused as stale stops autosave and hands the other person's
 * version to the conflict panel; nothing is overwritten either way. Values being corrected are left out of
 * the save and marked with the schema's own messages.
 */
function useExamAutosave(visitId: string, form: ReturnType<typeof useForm<ExamData>>, version: number | null, saved: ExamData, enabled: boolean) {
  const { t } = useClinicWords();
  const leftOutPaths = useRef<string[]>([]);
  const { status, autosave } = useAutosave<ExamData, ExamData, ExamDTO>(form, {
    enabled,
    debounceMs: 1200,
    maxWaitMs: 5000,
    retryMs: [2000, 5000, 10000, 20000],
    showPending: true,
    initial: { version, data: saved },
    keyOf: fingerprint,
    prepare: () => {
      const part = validPart(examSchema, form.getValues(), EXAM_PART);
      // Mark the values left out; clear the marks of those corrected since (without waiting for a blur).
      const corrected = leftOutPaths.current.filter((p) => !part.leftOut.includes(p));
      leftOutPaths.current = part.leftOut;
      if (corrected.length) form.clearErrors(corrected as never);
      if (part.leftOut.length) void form.trigger(part.leftOut as never);
      return { data: part.data, key: part.key, leftOut: part.leftOut.length };
    },
    send: async (data, base): Promise<SaveOutcome<ExamData, ExamDTO>> => {
      const r = await saveExamAction(visitId, data, base);
      if (r.ok) return r;
      if ("conflict" in r) return { ok: false, reason: "stale", current: r.conflict, theirs: r.conflict };
      if ("locked" in r) return { ok: false, reason: "locked", theirs: r.locked };
      for (const [path, message] of Object.entries(r.fieldErrors)) form.setError(path as never, { message });
      return { ok: false, reason: "refused", message: r.signedOut ? t.exam.actions.signedOutSave : (r.formError ?? t.exam.form.someValues) };
    },
  });
  /** Whether leaving now would lose anything. */
  const hasUnsaved = () => {
    if (!enabled) return false;
    if (autosave.isBusy()) return true;
    const part = validPart(examSchema, form.getValues(), EXAM_PART);
    return part.key !== autosave.getKey() || part.leftOut.length > 0;
  };
  /** After a conflict is resolved: the other version becomes the base, and `data` (the result) is saved. */
  const resolve = (data: ExamData, theirs: ExamDTO, save: boolean) => {
    form.reset(data);
    autosave.resolve({ data: theirs.data, version: theirs.version, at: theirs.updatedAt });
    if (save) void autosave.flush();
  };
  return { status, flush: autosave.flush, getVersion: autosave.getVersion, getBase: autosave.getBase, hasUnsaved, resolve };
}

/** Derived values from the form as it stands, recomputed on every change outside React's render (the
 * form's watch callback) and read by each display through its own slice. */
function Derived({ ctx, readOnly, children }: { ctx: ExamContext; readOnly: boolean; children: ReactNode }) {
  const form = useFormContext<ExamData>();
  const [store] = useState(() => createDerivedStore(deriveExam(form.getValues() as EngineExam, ctx)));
  useEffect(() => {
    store.set(deriveExam(form.getValues() as EngineExam, ctx));
    const sub = form.watch((values) => store.set(deriveExam(values as EngineExam, ctx)));
    return () => sub.unsubscribe();
  }, [form, ctx, store]);
  const ui = useMemo(() => ({ readOnly }), [readOnly]);
  return (
    <DerivedStoreContext.Provider value={store}>
      <ExamUiContext.Provider value={ui}>{children}</ExamUiContext.Provider>
    </DerivedStoreContext.Provider>
  );
}

function StateBanner(props: ExamFormProps & { busy: boolean; onAmend: () => void }) {
  const { readOnly } = useContext(ExamUiContext);
  const { t: words, f, locale } = useClinicWords();
  const t = words.exam.form;
  if (!readOnly) {
    return props.revision > 1 ? (
      <p className="alert alert-info">{f(t.amendInProgress, { revision: String(props.revision), previous: String(props.revision - 1) })}</p>
    ) : null;
  }
  const by = props.finalized
    ? { name: props.finalized.byName ?? t.aClinician, when: formatDateTimeIn(locale, props.finalized.at, props.timeZone), revision: String(props.revision) }
    : null;
  const superseded = props.state === "SUPERSEDED";
  return (
    <div className="alert alert-info">
      <p>
        <strong>
          {by ? f(superseded ? t.superseded : t.finalized, by) : superseded ? f(t.supersededNoBy, { revision: String(props.revision) }) : t.finalizedNoBy}
        </strong>{" "}
        {props.isLatest ? t.toChange : t.laterExists}
      </p>
      {props.isLatest && props.state === "FINAL" && (
        <button type="button" className="btn" disabled={props.busy} onClick={props.onAmend}>
          {t.amend}
        </button>
      )}
    </div>
  );
}

function StatusLine({ status, timeZone }: { status: SaveStatus; timeZone: string }) {
  const { t: words, f } = useClinicWords();
  const t = words.exam.status;
  let text: string;
  let cls = "";
  switch (status.kind) {
    case "saved":
      text =
        status.version === null
          ? t.nothingSaved
          : status.at
            ? f(t.allSavedAt, { version: String(status.version), time: formatTime(status.at, timeZone) })
            : f(t.allSaved, { version: String(status.version) });
      if (status.leftOut) {
        text = f(t.savedExcept, { n: status.leftOut });
        cls = styles.statusWarn!;
      }
      break;
    case "pending":
      text = t.pending;
      break;
    case "saving":
      text = t.saving;
      break;
    case "retrying":
      text = f(t.retrying, { seconds: String(Math.round(status.inMs / 1000)) });
      cls = styles.statusBad!;
      break;
    case "conflict":
    case "locked":
    case "closed":
      text = t.seeTop;
      cls = styles.statusBad!;
      break;
    case "refused":
      text = status.message ?? "";
      cls = styles.statusBad!;
      break;
  }
  return (
    <p className={`${styles.status} ${cls}`} role="status">
      {text}
    </p>
  );
}

/** Ask before leaving with anything unsaved: closing the tab, reloading, or following a link in the app. */
function useLeaveGuard(hasUnsaved: () => boolean, question: string) {
  const check = useRef(hasUnsaved);
  const ask = useRef(question);
  useEffect(() => {
    check.current = hasUnsaved;
    ask.current = question;
  }, [hasUnsaved, question]);
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!check.current()) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      if (new URL(a.href, location.href).origin !== location.origin || !check.current()) return;
      if (!window.confirm(ask.current)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);
}

/**
 * Keeps a field that takes focus clear of the sticky save bar (WCAG 2.2 2.4.11, Focus Not Obscured): the
 * page's scroll padding at the bottom follows the bar's height (it wraps to two or three lines on a phone),
 * so the browser scrolls a focused field above the bar, not under it.
 */
function useScrollClearance<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty("scroll-padding-bottom", `${bar.offsetHeight + 16}px`));
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty("scroll-padding-bottom");
    };
  }, []);
  return ref;
}
