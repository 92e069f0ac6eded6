// Verify the audit trail's hash chain (docs/decisions/0005-audit-trail.md): every row in order of its
// gapless sequence number, each row's prevHash equal to the hash before it, each hash recomputed in SQL by
// the same function the insert trigger used, and the chain head agreeing with the last row (so a deleted
// tail shows up too). Used by `npm run audit:verify` and its tests.
import pg from "pg";

export interface ChainProblem {
  seq: string | null;
  id: string | null;
  at: string | null;
  problem: string;
}

export type ChainReport = { ok: true; rows: number; lastSeq: string } | { ok: false; rows: number; first: ChainProblem };

const BATCH = 5000;

export async function verifyAuditChain(url: string): Promise<ChainReport> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A row inserted with the chain trigger switched off has no place in the chain.
    const unchained = await c.query<{ id: string; at: Date }>(`SELECT id::text, at FROM "AuditEvent" WHERE seq IS NULL OR hash IS NULL ORDER BY id LIMIT 1`);
    if (unchained.rows[0]) {
      const r = unchained.rows[0];
      return { ok: false, rows: 0, first: { seq: null, id: r.id, at: r.at.toISOString(), problem: "has no place in the hash chain (inserted with the chain trigger disabled)" } };
    }
    let rows = 0;
    let prevSeq = 0n;
    let prevHash: string | null = null;
    for (;;) {
      // Order by the table's bigint e.seq: a bare "seq" would mean the text column selected above, and
      // "10" sorts before "2" (the fault tests' longer chains caught this).
      const batch = await c.query<{ seq: string; id: string; at: Date; prevHash: string | null; hash: string; expected: string }>(
        `SELECT seq::text, id::text, at, "prevHash", hash,
                encode(sha256(convert_to(coalesce("prevHash", '') || audit_event_canonical(e), 'UTF8')), 'hex') AS expected
           FROM "AuditEvent" e WHERE e.seq > $1 ORDER BY e.seq LIMIT ${BATCH}`,
        [prevSeq.toString()],
      );
      for (const r of batch.rows) {
        const where = { seq: r.seq, id: r.id, at: r.at.toISOString() };
        const seq = BigInt(r.seq);
        if (seq !== prevSeq + 1n) {
          const missing = seq - prevSeq - 1n;
          return { ok: false, rows, first: { ...where, problem: `follows seq ${prevSeq}: ${missing} row(s) before it are missing (deleted)` } };
        }
        if (r.prevHash !== prevHash) return { ok: false, rows, first: { ...where, problem: "does not link to the row before it (prevHash differs): the chain was rewritten" } };
        if (r.hash !== r.expected) return { ok: false, rows, first: { ...where, problem: "no longer matches its hash: the row was changed after it was written" } };
        prevSeq = seq;
        prevHash = r.hash;
        rows++;
      }
      if (batch.rows.length < BATCH) break;
    }
    const head = await c.query<{ seq: string; hash: string }>(`SELECT seq::text, hash FROM "AuditChainHead" WHERE id = 1`);
    const h = head.rows[0];
    if (!h) return { ok: false, rows, first: { seq: null, id: null, at: null, problem: "the chain head row is missing" } };
    if (BigInt(h.seq) !== prevSeq || (h.hash || null) !== prevHash) {
      return {
        ok: false,
        rows,
        first: { seq: String(prevSeq + 1n), id: null, at: null, problem: `is missing: the chain head says the trail ends at seq ${h.seq}, the table at seq ${prevSeq} (rows deleted from the end)` },
      };
    }
    return { ok: true, rows, lastSeq: prevSeq.toString() };
  } finally {
    await c.query("ROLLBACK").catch(() => {});
    await c.end();
  }
}

export function describeProblem(p: ChainProblem): string {
  const where = [p.seq !== null ? `seq ${p.seq}` : null, p.id ? `id ${p.id}` : null, p.at ? `written ${p.at}` : null].filter(Boolean).join(", ");
  return `AuditEvent ${where}: ${p.problem}`;
}
