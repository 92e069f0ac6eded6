"use client";

import { useState, type ReactNode } from "react";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { useClinicWords } from "@/components/clinic/clinic-words";
import styles from "./summary-editor.module.css";

// One list of prescribed items with their doses (the exercises, the stretches): reorder, remove, add from the
// library, each dose a small number field. Focus follows the item a button acted on, so it never falls back
// to the top of the page: a moved item keeps it (on the other arrow once it reaches an end), a removal passes
// it to the next item's Remove, or to the library list when none is left.

export interface DoseField {
  key: string;
  label: string;
}

export interface DoseListProps {
  title: string;
  /** Shown when the list is empty. */
  empty: string;
  /** Prefix of the dose inputs' ids ("ex" → "ex-0-sets"). */
  idPrefix: string;
  items: { key: string; name: string; detail?: string; reason?: { rule: string; because: string }; doses: DoseField[] }[];
  /** "Why this exercise". */
  reasonLabel: string;
  /** The react-hook-form registration of item i's dose k. */
  register: (i: number, key: string) => object;
  error: (i: number, key: string) => string | undefined;
  listError?: string;
  errorId: string;
  move: (from: number, to: number) => void;
  remove: (i: number) => void;
  add: { selectId: string; label: string; placeholder: string; button: string; options: { id: string; label: string }[]; onAdd: (id: string) => void };
}

const focusAfterRender = (selector: string, fallback?: string) =>
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    (el && !(el as HTMLButtonElement).disabled ? el : fallback ? document.querySelector<HTMLElement>(fallback) : null)?.focus();
  });
const button = (label: string) => `button[aria-label="${CSS.escape(label)}"]`;

export function DoseList(p: DoseListProps): ReactNode {
  const { t: words, f } = useClinicWords();
  const t = words.summary.editor;
  const moveLabel = (name: string, dir: "up" | "down") => f(dir === "up" ? t.moveUp : t.moveDown, { name });
  const removeLabel = (name: string) => f(t.removeItem, { name });
  const [adding, setAdding] = useState("");
  const count = p.items.length;

  function move(i: number, by: -1 | 1) {
    const name = p.items[i]!.name;
    p.move(i, i + by);
    focusAfterRender(button(moveLabel(name, by < 0 ? "up" : "down")), button(moveLabel(name, by < 0 ? "down" : "up")));
  }
  function remove(i: number) {
    const neighbour = i + 1 < count ? p.items[i + 1]!.name : i > 0 ? p.items[i - 1]!.name : null;
    p.remove(i);
    const library = `#${CSS.escape(p.add.selectId)}`;
    focusAfterRender(neighbour ? button(removeLabel(neighbour)) : library, library);
  }

  return (
    <fieldset className="card">
      <legend>
        <h2 className={styles.sectionTitle}>{p.title}</h2>
      </legend>
      {count === 0 && <p className="muted">{p.empty}</p>}
      <ol className={`stack ${styles.list}`}>
        {p.items.map((item, i) => (
          <li key={item.key}>
            <div className={`row ${styles.itemHead}`}>
              <strong>
                {item.name}
                {item.detail && <span className="muted"> ({item.detail})</span>}
              </strong>
              <span className={`row ${styles.tools}`}>
                <button type="button" className="btn btn-secondary" aria-label={moveLabel(item.name, "up")} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  aria-label={moveLabel(item.name, "down")}
                  disabled={i === count - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button type="button" className="btn btn-secondary" aria-label={removeLabel(item.name)} onClick={() => remove(i)}>
                  {t.remove}
                </button>
              </span>
            </div>
            <div className={`row ${styles.doses}`}>
              {item.doses.map(({ key, label }) => {
                const id = `${p.idPrefix}-${i}-${key}`;
                const message = p.error(i, key);
                return (
                  <div key={key} className={`field ${styles.tightField}`}>
                    <label htmlFor={id}>{label}</label>
                    <input
                      id={id}
                      className={`input ${styles.doseInput}`}
                      inputMode="numeric"
                      aria-invalid={!!message}
                      aria-describedby={describedBy(message && `${id}-error`)}
                      {...p.register(i, key)}
                    />
                    <FieldError id={`${id}-error`} message={message} />
                  </div>
                );
              })}
            </div>
            {item.reason && (
              <details>
                <summary>{p.reasonLabel}</summary>
                <p className="muted">
                  {item.reason.rule}
                  {item.reason.because ? ` ${f(t.because, { because: item.reason.because })}` : ""}
                </p>
              </details>
            )}
          </li>
        ))}
      </ol>
      <div className={`row ${styles.addRow}`}>
        <div className={`field ${styles.tightField}`}>
          <label htmlFor={p.add.selectId}>{p.add.label}</label>
          <select id={p.add.selectId} className="input" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{p.add.placeholder}</option>
            {p.add.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={!adding}
          onClick={() => {
            p.add.onAdd(adding);
            setAdding("");
          }}
        >
          {p.add.button}
        </button>
      </div>
      <FieldError id={p.errorId} message={p.listError} />
    </fieldset>
  );
}
