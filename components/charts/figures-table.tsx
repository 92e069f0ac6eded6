// The text alternative every chart carries: the same figures as a table, folded in a <details> under the
// chart so the page stays short; a screen reader or a clinician reading numbers opens it.
import type { ReactNode } from "react";

export interface FiguresRow {
  key: string;
  /** The row's header cell (a week, a run's date, a visit). */
  label: ReactNode;
  cells: ReactNode[];
}

/** `summary`: the fold's own words ("Pain during runs: the figures"); by default the title and ": the figures". */
export function FiguresTable({ title, columns, rows, summary }: { title: string; columns: string[]; rows: FiguresRow[]; summary?: string }) {
  return (
    <details>
      <summary>{summary ?? `${title}: the figures`}</summary>
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
