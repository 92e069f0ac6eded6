// npm run keys:rotate, the work: every encrypted value (and every plain one left from before encryption)
// moved to FIELD_KEYS's current key, in batches, while the app runs. docs/decisions/0029-field-encryption.md.
//
// Each table is read in primary-key order, BATCH rows at a time; the rows that need it are re-encrypted in
// this process and written back in one transaction per batch, each only if its column still holds exactly
// what was read (a compare-and-set on the value itself). A row an autosave changed in between is left as the
// autosave wrote it (the app writes with the current key) and looked at again in the next pass, so nothing
// typed is ever overwritten. Versions and updatedAt stay as they were: an open exam or intake form does not
// see a conflict. Finalized exams are immutable to the app's role; the migration field_encryption lets the
// table's owner change only their `data`, and only with stride.rekey set, which this does.
import pg from "pg";
import { decryptDeep, encryptText, keyIdOf, needsRekey, rekey, type FieldPath, type Keyring } from "../../lib/crypto/fields.ts";
import { KEY_CHECK_TEXT } from "../../lib/data/field-key-check.ts";
import { EXAM_TEXT, INTAKE_TEXT } from "../../lib/data/sealed.ts";

type Shape = readonly FieldPath[] | "whole" | "text";

interface TableSpec {
  table: string;
  columns: { name: string; shape: Shape; cast: "jsonb" | "text" }[];
}

export const ROTATED: TableSpec[] = [
  { table: "Exam", columns: [{ name: "data", shape: EXAM_TEXT, cast: "jsonb" }] },
  { table: "IntakeResponse", columns: [{ name: "answers", shape: INTAKE_TEXT, cast: "jsonb" }] },
  {
    table: "Summary",
    columns: [
      { name: "generated", shape: "whole", cast: "jsonb" },
      { name: "content", shape: "whole", cast: "jsonb" },
    ],
  },
  { table: "User", columns: [{ name: "totpSecret", shape: "text", cast: "text" }] },
];

export interface RotationCounts {
  table: string;
  scanned: number;
  rewritten: number;
  /** Changed by the app between the read and the write; looked at again in the next pass. */
  retried: number;
  /** Still changing after five passes: left for the next run (the app keeps them readable). */
  unfinished: number;
}

const stale = (v: unknown, shape: Shape, ring: Keyring) => {
  if (v === null || v === undefined) return false;
  if (shape === "text") return keyIdOf(v) !== ring.current;
  return needsRekey(v, shape, ring);
};

const moved = (v: unknown, shape: Shape, ring: Keyring): unknown => {
  if (shape === "text") return encryptText(decryptDeep(v, ring) as string, ring);
  return rekey(v, shape, ring);
};

async function rotateTable(c: pg.Client, spec: TableSpec, ring: Keyring, batch: number, log: (s: string) => void): Promise<RotationCounts> {
  const t = c.escapeIdentifier(spec.table);
  const cols = spec.columns.map((col) => c.escapeIdentifier(col.name));
  const counts: RotationCounts = { table: spec.table, scanned: 0, rewritten: 0, retried: 0, unfinished: 0 };
  let ids: string[] | null = null;
  // Pass 1 walks the whole table; later passes only the rows an autosave got to first.
  for (let pass = 1; pass <= 5; pass++) {
    const missed: string[] = [];
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const r: pg.QueryResult<Record<string, unknown> & { id: string }> = ids
        ? await c.query(`SELECT id::text AS id, ${cols.join(", ")} FROM ${t} WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])
        : await c.query(`SELECT id::text AS id, ${cols.join(", ")} FROM ${t} WHERE id > $1::uuid ORDER BY id LIMIT ${batch}`, [after]);
      if (!ids) counts.scanned += r.rows.length;
      const work = r.rows.filter((row) => spec.columns.some((col) => stale(row[col.name], col.shape, ring)));
      if (work.length) {
        await c.query("BEGIN");
        try {
          await c.query("SET LOCAL stride.rekey = 'on'");
          for (const row of work) {
            const sets = spec.columns.map((col, i) => `${cols[i]} = $${i + 2}::${col.cast}`).join(", ");
            const same = spec.columns.map((col, i) => `${cols[i]} IS NOT DISTINCT FROM $${spec.columns.length + i + 2}::${col.cast}`).join(" AND ");
            const param = (v: unknown, cast: "jsonb" | "text") => (v === null || v === undefined ? null : cast === "jsonb" ? JSON.stringify(v) : v);
            const next = spec.columns.map((col) =>
              param(stale(row[col.name], col.shape, ring) ? moved(row[col.name], col.shape, ring) : row[col.name], col.cast),
            );
            const prev = spec.columns.map((col) => param(row[col.name], col.cast));
            const u = await c.query(`UPDATE ${t} SET ${sets} WHERE id = $1::uuid AND ${same}`, [row.id, ...next, ...prev]);
            if (u.rowCount === 1) counts.rewritten++;
            else missed.push(row.id);
          }
          await c.query("COMMIT");
        } catch (e) {
          await c.query("ROLLBACK");
          throw e;
        }
      }
      if (ids || r.rows.length < batch) break;
      after = r.rows.at(-1)!.id;
      if (counts.scanned % (batch * 20) === 0) log(`  ${spec.table}: ${counts.scanned} rows looked at, ${counts.rewritten} re-encrypted so far`);
    }
    counts.retried += missed.length;
    counts.unfinished = missed.length;
    if (!missed.length) break;
    ids = missed;
  }
  return counts;
}

/**
 * Re-encrypt every table's values under the keyring's current key (plain legacy values included). Run as
 * the tables' owner. Idempotent: a second run rewrites nothing. Afterwards a key id no value uses any more
 * loses its key check, so FIELD_KEYS may drop that key (docs/operations.md).
 */
export async function rotateFieldKeys(
  ownerUrl: string,
  ring: Keyring,
  opts: { batch?: number; log?: (s: string) => void } = {},
): Promise<{ counts: RotationCounts[]; retiredKeyIds: string[] }> {
  const batch = opts.batch ?? 500;
  const log = opts.log ?? (() => {});
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    // A wrong current key would encrypt everything under a key the app cannot open: refuse first.
    const checks = await c.query<{ keyId: string; check: string }>(`SELECT "keyId", "check" FROM "FieldKeyCheck"`);
    const { keyProblems } = await import("../../lib/data/field-key-check.ts");
    const problems = keyProblems(checks.rows, ring);
    if (problems.length) throw new Error(problems.join("\n  "));
    if (!checks.rows.some((r) => r.keyId === ring.current)) {
      await c.query(`INSERT INTO "FieldKeyCheck" ("keyId", "check") VALUES ($1, $2) ON CONFLICT ("keyId") DO NOTHING`, [
        ring.current,
        encryptText(KEY_CHECK_TEXT, ring),
      ]);
    }
    const counts: RotationCounts[] = [];
    for (const spec of ROTATED) counts.push(await rotateTable(c, spec, ring, batch, log));
    // Key ids nothing is encrypted with any more: only when every row made it.
    const retiredKeyIds: string[] = [];
    if (counts.every((x) => x.unfinished === 0)) {
      const gone = await c.query<{ keyId: string }>(`DELETE FROM "FieldKeyCheck" WHERE "keyId" <> $1 RETURNING "keyId"`, [ring.current]);
      retiredKeyIds.push(...gone.rows.map((r) => r.keyId));
    }
    const details = {
      to: ring.current,
      retiredKeyIds,
      tables: Object.fromEntries(counts.map((x) => [x.table, { scanned: x.scanned, rewritten: x.rewritten, retried: x.retried, unfinished: x.unfinished }])),
    };
    await c.query(
      `INSERT INTO "AuditEvent" ("actorType", "actorId", "clinicId", action, "recordType", outcome, details) VALUES ('system', 'keys:rotate', NULL, 'keys-rotated', 'FieldKeys', 'ok', $1::jsonb)`,
      [JSON.stringify(details)],
    );
    return { counts, retiredKeyIds };
  } finally {
    await c.end();
  }
}
