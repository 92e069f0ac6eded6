// Verify the audit trail's hash chains (docs/decisions/0005-audit-trail.md, 0030-audit-chains-per-clinic.md).
// The trail is one chain per clinic plus one for events with no clinic, all continuing from the single
// "legacy" chain that every event joined before the cut-over (its last seq and hash are kept in the head
// row 'legacy'). Each chain is walked in order of its gapless sequence number: each row's prevHash equal to
// the hash before it, each hash recomputed in SQL by the same function the insert trigger used, and the
// chain's head agreeing with its last row (so a deleted tail shows up too). Finally every row of the table
// must have been walked by some chain. Used by `npm run audit:verify`, the restore and the fault drills.
import pg from "pg";

export interface ChainProblem {
  /** Which chain: "legacy", "no-clinic" or the clinic's id (null when the row belongs to none). */
  chain: string | null;
  seq: string | null;
  id: string | null;
  at: string | null;
  problem: string;
}

export interface ChainResult {
  chain: string;
  /** The clinic's name for a clinic's chain (null for legacy and no-clinic, or a clinic that is gone). */
  clinicName: string | null;
  /** Rows verified in order before the first problem (all of them when ok). */
  rows: number;
  firstSeq: string | null;
  lastSeq: string | null;
  ok: boolean;
  first?: ChainProblem;
}

export type ChainReport = { ok: true; rows: number; chains: ChainResult[] } | { ok: false; rows: number; chains: ChainResult[]; first: ChainProblem };

const BATCH = 5000;
const LEGACY = "legacy";
const NO_CLINIC = "no-clinic";

interface Row {
  seq: string;
  id: string;
  at: Date;
  prevHash: string | null;
  hash: string;
  expected: string;
}

const SELECT = `SELECT seq::text, id::text, at, "prevHash", hash,
       encode(sha256(convert_to(coalesce("prevHash", '') || audit_event_canonical(e), 'UTF8')), 'hex') AS expected
  FROM "AuditEvent" e`;

/**
 * Walk one chain: rows in order of the table's bigint e.seq (a bare "seq" would mean the text column
 * selected above, and "10" sorts before "2"), from `after` (the seq before its first row) and `prevHash`.
 */
async function walk(
  c: pg.Client,
  chain: string,
  where: string,
  params: unknown[],
  start: { after: bigint; prevHash: string | null },
): Promise<{ rows: number; lastSeq: bigint; lastHash: string | null; firstSeq: bigint | null; first?: ChainProblem }> {
  let rows = 0;
  let prevSeq = start.after;
  let prevHash = start.prevHash;
  let firstSeq: bigint | null = null;
  for (;;) {
    const n = params.length;
    const batch = await c.query<Row>(`${SELECT} WHERE ${where} AND e.seq > $${n + 1} ORDER BY e.seq LIMIT ${BATCH}`, [...params, prevSeq.toString()]);
    for (const r of batch.rows) {
      const here = { chain, seq: r.seq, id: r.id, at: r.at.toISOString() };
      const seq = BigInt(r.seq);
      if (seq !== prevSeq + 1n) {
        const missing = seq - prevSeq - 1n;
        return {
          rows,
          lastSeq: prevSeq,
          lastHash: prevHash,
          firstSeq,
          first: { ...here, problem: `follows seq ${prevSeq}: ${missing} row(s) before it are missing (deleted)` },
        };
      }
      if (r.prevHash !== prevHash)
        return {
          rows,
          lastSeq: prevSeq,
          lastHash: prevHash,
          firstSeq,
          first: { ...here, problem: "does not link to the row before it (prevHash differs): the chain was rewritten" },
        };
      if (r.hash !== r.expected)
        return {
          rows,
          lastSeq: prevSeq,
          lastHash: prevHash,
          firstSeq,
          first: { ...here, problem: "no longer matches its hash: the row was changed after it was written" },
        };
      firstSeq ??= seq;
      prevSeq = seq;
      prevHash = r.hash;
      rows++;
    }
    if (batch.rows.length < BATCH) break;
  }
  return { rows, lastSeq: prevSeq, lastHash: prevHash, firstSeq };
}

/** The chain's head must agree with the last row walked, else rows were deleted from its end. */
function checkHead(chain: string, head: { seq: string; hash: string } | undefined, last: { seq: bigint; hash: string | null }): ChainProblem | undefined {
  if (!head) return { chain, seq: null, id: null, at: null, problem: "the chain head row is missing" };
  if (BigInt(head.seq) !== last.seq || (head.hash || null) !== last.hash) {
    return {
      chain,
      seq: String(last.seq + 1n),
      id: null,
      at: null,
      problem: `is missing: the chain head says the chain ends at seq ${head.seq}, the table at seq ${last.seq} (rows deleted from the end)`,
    };
  }
  return undefined;
}

export async function verifyAuditChain(url: string): Promise<ChainReport> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    // One snapshot for the whole check: rows written meanwhile are neither half-seen nor counted.
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const chains: ChainResult[] = [];
    const result = (first: ChainProblem | undefined): ChainReport => {
      const rows = chains.reduce((a, x) => a + x.rows, 0);
      return first ? { ok: false, rows, chains, first } : { ok: true, rows, chains };
    };
    // A row inserted with the chain trigger switched off has no place in any chain.
    const unchained = await c.query<{ id: string; at: Date }>(`SELECT id::text, at FROM "AuditEvent" WHERE seq IS NULL OR hash IS NULL ORDER BY id LIMIT 1`);
    if (unchained.rows[0]) {
      const r = unchained.rows[0];
      return result({
        chain: null,
        seq: null,
        id: r.id,
        at: r.at.toISOString(),
        problem: "has no place in the hash chain (inserted with the chain trigger disabled)",
      });
    }
    const heads = new Map(
      (await c.query<{ chain: string; seq: string; hash: string }>(`SELECT chain, seq::text, hash FROM "AuditChainHead"`)).rows.map((h) => [h.chain, h]),
    );
    const legacyHead = heads.get(LEGACY);
    if (!legacyHead) return result({ chain: LEGACY, seq: null, id: null, at: null, problem: "the legacy chain's head row (the cut-over) is missing" });
    const cut = BigInt(legacyHead.seq);

    // The legacy chain: every row up to the cut-over, whatever its clinic, from seq 1.
    const legacy = await walk(c, LEGACY, `e.seq <= $1`, [cut.toString()], { after: 0n, prevHash: null });
    const legacyProblem = legacy.first ?? checkHead(LEGACY, legacyHead, { seq: legacy.lastSeq, hash: legacy.lastHash });
    chains.push({
      chain: LEGACY,
      clinicName: null,
      rows: legacy.rows,
      firstSeq: legacy.firstSeq?.toString() ?? null,
      lastSeq: legacy.rows ? legacy.lastSeq.toString() : null,
      ok: !legacyProblem,
      ...(legacyProblem ? { first: legacyProblem } : {}),
    });

    // Every other chain: those with a head, and any clinic with rows after the cut-over but no head.
    const withRows = await c.query<{ chain: string }>(`SELECT DISTINCT coalesce("clinicId"::text, '${NO_CLINIC}') AS chain FROM "AuditEvent" WHERE seq > $1`, [
      cut.toString(),
    ]);
    const keys = [...new Set([...heads.keys(), ...withRows.rows.map((r) => r.chain)])].filter((k) => k !== LEGACY);
    const names = new Map(
      (
        await c.query<{ id: string; name: string }>(`SELECT id::text, name FROM "Clinic" WHERE id::text = ANY($1::text[])`, [
          keys.filter((k) => k !== NO_CLINIC),
        ])
      ).rows.map((r) => [r.id, r.name]),
    );
    // The no-clinic chain first, then clinics by name.
    keys.sort((a, b) => (a === NO_CLINIC ? -1 : b === NO_CLINIC ? 1 : (names.get(a) ?? a).localeCompare(names.get(b) ?? b)));
    // Each chain's genesis continues from the legacy chain's last row (its seq and hash as the head kept them).
    const genesis = { after: cut, prevHash: legacyHead.hash || null };
    for (const k of keys) {
      const w =
        k === NO_CLINIC
          ? await walk(c, k, `e."clinicId" IS NULL AND e.seq > $1`, [cut.toString()], genesis)
          : await walk(c, k, `e."clinicId" = $1::uuid AND e.seq > $2`, [k, cut.toString()], genesis);
      const problem = w.first ?? checkHead(k, heads.get(k), { seq: w.lastSeq, hash: w.lastHash });
      chains.push({
        chain: k,
        clinicName: names.get(k) ?? null,
        rows: w.rows,
        firstSeq: w.firstSeq?.toString() ?? null,
        lastSeq: w.rows ? w.lastSeq.toString() : null,
        ok: !problem,
        ...(problem ? { first: problem } : {}),
      });
    }
    const first = chains.find((x) => !x.ok)?.first;
    if (first) return result(first);

    // Every row must belong to a chain that was walked: a row with a made-up seq (trigger off, seq set by
    // hand) would otherwise go unnoticed between the chains.
    const total = await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent"`);
    const walked = chains.reduce((a, x) => a + x.rows, 0);
    if (BigInt(total.rows[0]!.n) !== BigInt(walked)) {
      return result({
        chain: null,
        seq: null,
        id: null,
        at: null,
        problem: `the table holds ${total.rows[0]!.n} rows but the chains hold ${walked}: rows were added outside the chains`,
      });
    }
    return result(undefined);
  } finally {
    await c.query("ROLLBACK").catch(() => {});
    await c.end();
  }
}

/** A chain's name for people: the clinic's name and id, or what the special chains are. */
export function describeChain(chain: string | null, clinicName: string | null = null): string {
  if (chain === null) return "no chain";
  if (chain === LEGACY) return "legacy chain (every event before the per-clinic cut-over)";
  if (chain === NO_CLINIC) return "no-clinic chain (events with no clinic)";
  return clinicName ? `clinic "${clinicName}" (${chain})` : `clinic ${chain}`;
}

export function describeProblem(p: ChainProblem): string {
  const where = [p.seq !== null ? `seq ${p.seq}` : null, p.id ? `id ${p.id}` : null, p.at ? `written ${p.at}` : null].filter(Boolean).join(", ");
  return `AuditEvent ${where}${p.chain ? ` in the ${p.chain} chain` : ""}: ${p.problem}`;
}

/** One line per chain for the command's output. */
export function describeChainResult(r: ChainResult): string {
  const span = r.rows ? `seq ${r.firstSeq} to ${r.lastSeq}` : "no events yet";
  if (r.ok) return `ok      ${describeChain(r.chain, r.clinicName)}: ${r.rows} events, ${span}, head agrees`;
  return `BROKEN  ${describeChain(r.chain, r.clinicName)}: ${r.rows} events verified in order, then ${describeProblem(r.first!)}`;
}
