"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useClinicWords } from "@/components/clinic/clinic-words";
import styles from "./idle-guard.module.css";

const WARN_BEFORE_MS = 2 * 60_000;
const PING_EVERY_MS = 60_000;

/**
 * Automatic logoff on the screen (HIPAA §164.312(a)(2)(iii), ONC §170.315(d)(5)): after the clinic's idle
 * timeout less two minutes it warns; at the timeout it removes the page (and the health data in it) from
 * the DOM, ends the session on the server, and loads the sign-in page, which also drops the router's
 * in-memory copies. Typing or tapping counts as activity and keeps the server-side session alive (at most
 * one request a minute), so a long exam being typed is never cut off.
 */
export function IdleGuard({
  timeoutMinutes,
  keepAlive,
  endSession,
  children,
}: {
  timeoutMinutes: number;
  keepAlive: () => Promise<{ ok: boolean }>;
  endSession: () => Promise<void>;
  children: React.ReactNode;
}) {
  const { t: words, f } = useClinicWords();
  const t = words.account.idle;
  const timeoutMs = timeoutMinutes * 60_000;
  // Set on mount (0 = not yet): render stays pure.
  const lastActivity = useRef(0);
  const lastPing = useRef(0);
  const [state, setState] = useState<"active" | "warning" | "ended">("active");
  const [left, setLeft] = useState(0);
  const stayButton = useRef<HTMLButtonElement>(null);

  const end = useCallback(() => {
    setState("ended");
    endSession()
      .catch(() => {})
      .finally(() => window.location.replace("/login?reason=idle"));
  }, [endSession]);

  const ping = useCallback(() => {
    lastPing.current = Date.now();
    keepAlive()
      .then((r) => {
        if (!r.ok) end();
      })
      .catch(() => {});
  }, [keepAlive, end]);

  useEffect(() => {
    if (lastActivity.current === 0) lastActivity.current = lastPing.current = Date.now();
    if (state === "ended") return;
    const onActivity = () => {
      if (state === "warning") return; // the dialog's button decides
      lastActivity.current = Date.now();
      if (Date.now() - lastPing.current >= PING_EVERY_MS) ping();
    };
    const tick = () => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= timeoutMs) end();
      else if (idle >= timeoutMs - WARN_BEFORE_MS) {
        setLeft(Math.ceil((timeoutMs - idle) / 1000));
        setState("warning");
      }
    };
    const events = ["pointerdown", "keydown"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(tick, 1000);
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [state, timeoutMs, end, ping]);

  useEffect(() => {
    if (state === "warning") stayButton.current?.focus();
  }, [state]);

  // Marks the page once the guard's clock runs, so a test can tell a hydrated page from server HTML.
  useEffect(() => {
    document.documentElement.dataset.idleGuard = "on";
    return () => {
      delete document.documentElement.dataset.idleGuard;
    };
  }, []);

  if (state === "ended") {
    return (
      <div className="card" role="status">
        <h1>{t.signedOutTitle}</h1>
        <p>{f(t.signedOut, { n: timeoutMinutes })}</p>
      </div>
    );
  }

  return (
    <>
      {children}
      {state === "warning" && (
        <div className={styles.backdrop}>
          <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" className={`card ${styles.dialog}`}>
            <h2 id="idle-title">{t.stillThere}</h2>
            <p id="idle-body">{f(t.warning, { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` })}</p>
            <button
              ref={stayButton}
              type="button"
              className="btn"
              onClick={() => {
                lastActivity.current = Date.now();
                setState("active");
                ping();
              }}
            >
              {t.stay}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
