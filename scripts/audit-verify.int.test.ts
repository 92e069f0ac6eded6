import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, ensureAppLogin, migrate, withClient, withCredentials } from "./lib/db-setup";
import { describeProblem, verifyAuditChain } from "./lib/audit-verify";

// Tampering needs a database of its own: the shared test database's chain must stay intact for the other
// tests. The tamperer is the tables' owner with the refusal trigger switched off, as an attacker with the
// owner's password would have to do (the app's role cannot change a row at all: audit.int.test.ts).

const name = `stride_tamper_${randomBytes(4).toString("hex")}`;
let ownerUrl = "";
let appUrl = "";

async function sql(text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

const tamper = (statement: string) =>
  sql(
    `BEGIN; ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete; ${statement}; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete; COMMIT;`,
  );

async function addEvents(n: number, clinicId: string | null = null, url = ownerUrl) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let i = 0; i < n; i++) {
      await c.query(
        `INSERT INTO "AuditEvent" ("actorType", "actorId", "clinicId", action, "recordType", "recordId", details) VALUES ('user', $1, $2, 'view', 'Patient', $3, '{"n": 1}')`,
        [`u-${i}`, clinicId, `p-${i}`],
      );
    }
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  const server = process.env.OWNER_DATABASE_URL!;
  await createDatabase(server, name);
  const u = new URL(server);
  u.pathname = `/${name}`;
  ownerUrl = u.toString();
  migrate(ownerUrl, { quiet: true });
  const pw = randomBytes(12).toString("hex");
  const role = `stride_tamper_app_${randomBytes(3).toString("hex")}`;
  await ensureAppLogin(ownerUrl, role, pw);
  appUrl = withCredentials(ownerUrl, role, pw);
}, 60_000);

afterAll(async () => {
  await dropDatabase(process.env.OWNER_DATABASE_URL!, name).catch(() => {});
});

function cli(url = appUrl) {
  const root = path.resolve(import.meta.dirname, "..");
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "audit-verify.ts")], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });
}

describe("npm run audit:verify", () => {
  it("passes an intact chain, then names the first changed, missing or unchained row", async () => {
    // More than nine rows: seq 10 must sort after seq 9, not after seq 1.
    await addEvents(12);
    expect(await verifyAuditChain(appUrl)).toMatchObject({
      ok: true,
      rows: 12,
      chains: [
        { chain: "legacy", rows: 0 },
        { chain: "no-clinic", rows: 12, firstSeq: "1", lastSeq: "12", ok: true },
      ],
    });
    const ok = cli();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("ok      no-clinic chain (events with no clinic): 12 events, seq 1 to 12, head agrees");
    expect(ok.stdout).toContain("Audit trail intact: 12 events in 2 chains");

    // A changed row: seq 3's action rewritten.
    await tamper(`UPDATE "AuditEvent" SET action = 'print' WHERE seq = 3`);
    const changed = await verifyAuditChain(appUrl);
    expect(changed.ok).toBe(false);
    if (changed.ok) return;
    expect(changed.first.seq).toBe("3");
    expect(describeProblem(changed.first)).toMatch(/^AuditEvent seq 3, id \d+, written .* in the no-clinic chain: no longer matches its hash/);
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("First problem: AuditEvent seq 3");
    await tamper(`UPDATE "AuditEvent" SET action = 'view' WHERE seq = 3`);
    expect((await verifyAuditChain(appUrl)).ok).toBe(true);

    // A changed row whose hash was recomputed to match: the next row's link exposes it.
    await tamper(
      `UPDATE "AuditEvent" e SET "recordId" = 'p-other', hash = encode(sha256(convert_to(coalesce("prevHash", '') || audit_event_canonical(ROW(e.id, e.seq, e.at, e."actorType", e."actorId", e."clinicId", e."patientId", e.action, e."recordType", 'p-other', e.outcome, e."requestId", e.ip, e."userAgent", e.details, e."prevHash", e.hash)::"AuditEvent"), 'UTF8')), 'hex') WHERE seq = 4`,
    );
    const relinked = await verifyAuditChain(appUrl);
    expect(relinked.ok === false && relinked.first.seq).toBe("5");
    expect(relinked.ok === false && relinked.first.problem).toMatch(/does not link/);
    await tamper(`DELETE FROM "AuditEvent"`);
    await sql(`UPDATE "AuditChainHead" SET seq = 0, hash = ''`);

    // A deleted row in the middle, then one at the end.
    await addEvents(5);
    await tamper(`DELETE FROM "AuditEvent" WHERE seq = 2`);
    const gap = await verifyAuditChain(appUrl);
    expect(gap.ok === false && [gap.first.seq, gap.first.problem]).toEqual(["3", "follows seq 1: 1 row(s) before it are missing (deleted)"]);
    await tamper(`DELETE FROM "AuditEvent"`);
    await sql(`UPDATE "AuditChainHead" SET seq = 0, hash = ''`);
    await addEvents(3);
    await tamper(`DELETE FROM "AuditEvent" WHERE seq = 3`);
    const tail = await verifyAuditChain(appUrl);
    expect(tail.ok === false && tail.first.seq).toBe("3");
    expect(tail.ok === false && tail.first.problem).toMatch(/chain head says the chain ends at seq 3/);

    // A row slipped in with the chain trigger off.
    await sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_chain`);
    await sql(`INSERT INTO "AuditEvent" ("actorType", action) VALUES ('system', 'view')`);
    await sql(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_chain`);
    const slipped = await verifyAuditChain(appUrl);
    expect(slipped.ok === false && slipped.first.problem).toMatch(/no place in the hash chain/);
  });
});

/** A database of its own for one test, migrated by `migrate`, with the app's login role; dropped after. */
const extra: string[] = [];
afterAll(async () => {
  for (const n of extra) await dropDatabase(process.env.OWNER_DATABASE_URL!, n).catch(() => {});
});
async function ownDatabase(prepare: (ownerUrl: string) => Promise<void> | void) {
  const server = process.env.OWNER_DATABASE_URL!;
  const db = `stride_chains_${randomBytes(4).toString("hex")}`;
  extra.push(db);
  await createDatabase(server, db);
  const u = new URL(server);
  u.pathname = `/${db}`;
  const owner = u.toString();
  await prepare(owner);
  const pw = randomBytes(12).toString("hex");
  const role = `stride_chains_app_${randomBytes(3).toString("hex")}`;
  await ensureAppLogin(owner, role, pw);
  const run = async (text: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: owner });
    await c.connect();
    try {
      return (await c.query(text, params)).rows;
    } finally {
      await c.end();
    }
  };
  return { owner, app: withCredentials(owner, role, pw), run };
}

async function addClinic(run: (text: string, params?: unknown[]) => Promise<unknown[]>, name: string) {
  const id = randomUUID();
  await run(`INSERT INTO "Clinic" (id, name) VALUES ($1, $2)`, [id, name]);
  return id;
}

describe("audit chains per clinic", () => {
  it("reports each clinic's chain, and a tampered row breaks only its own clinic's chain", async () => {
    const db = await ownDatabase((u) => migrate(u, { quiet: true }));
    const a = await addClinic(db.run, "Alder Physio");
    const b = await addClinic(db.run, "Birch Physio");
    // Interleaved, as two clinics' days are: each chain is gapless on its own.
    for (let i = 0; i < 3; i++) {
      await addEvents(2, a, db.owner);
      await addEvents(3, b, db.owner);
    }
    await addEvents(2, null, db.owner);
    const ok = await verifyAuditChain(db.app);
    expect(ok.ok).toBe(true);
    expect(ok.chains.map((x) => [x.chain, x.clinicName, x.rows, x.firstSeq, x.lastSeq, x.ok])).toEqual([
      ["legacy", null, 0, null, null, true],
      ["no-clinic", null, 2, "1", "2", true],
      [a, "Alder Physio", 6, "1", "6", true],
      [b, "Birch Physio", 9, "1", "9", true],
    ]);
    const out = cli(db.app);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`ok      clinic "Alder Physio" (${a}): 6 events, seq 1 to 6, head agrees`);
    expect(out.stdout).toContain(`ok      clinic "Birch Physio" (${b}): 9 events, seq 1 to 9, head agrees`);

    // Clinic A's fourth event rewritten by the owner with the refusal trigger off.
    await db.run(
      `BEGIN; ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete; UPDATE "AuditEvent" SET action = 'print' WHERE "clinicId" = '${a}' AND seq = 4; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete; COMMIT;`,
    );
    const broken = await verifyAuditChain(db.app);
    expect(broken.ok).toBe(false);
    expect(broken.chains.filter((x) => !x.ok).map((x) => x.chain)).toEqual([a]);
    const ca = broken.chains.find((x) => x.chain === a)!;
    expect([ca.rows, ca.first?.seq, ca.first?.problem]).toEqual([3, "4", "no longer matches its hash: the row was changed after it was written"]);
    expect(broken.chains.find((x) => x.chain === b)).toMatchObject({ ok: true, rows: 9 });
    const run = cli(db.app);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`BROKEN  clinic "Alder Physio" (${a}): 3 events verified in order, then AuditEvent seq 4`);
    expect(run.stdout).toContain(`ok      clinic "Birch Physio" (${b}): 9 events`);
    expect(run.stderr).toContain("Audit trail NOT intact: 1 of 4 chains broken.");

    // Put back, then a row forged with the chain trigger off and a seq of its own choosing.
    await db.run(
      `BEGIN; ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete; UPDATE "AuditEvent" SET action = 'view' WHERE "clinicId" = '${a}' AND seq = 4; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete; COMMIT;`,
    );
    expect((await verifyAuditChain(db.app)).ok).toBe(true);
    await db.run(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_chain`);
    await db.run(`INSERT INTO "AuditEvent" ("actorType", action, "clinicId", seq, hash, "prevHash") VALUES ('system', 'view', $1, 100, 'x', 'y')`, [
      randomUUID(),
    ]);
    await db.run(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_chain`);
    const forged = await verifyAuditChain(db.app);
    expect(forged.ok).toBe(false);
    expect(forged.ok === false && forged.first.problem).toMatch(/follows seq 0: 99 row\(s\) before it are missing/);
  });

  it("moves an existing single chain: history before the migration verifies, and each clinic's chain continues from it", async () => {
    const dir = path.resolve(import.meta.dirname, "..", "prisma", "migrations");
    const all = readdirSync(dir)
      .filter((d) => /^\d{14}_/.test(d))
      .sort();
    const at = all.findIndex((d) => d.endsWith("_audit_chains_per_clinic"));
    expect(at).toBeGreaterThan(0);
    // The schema as it was before: every earlier migration applied as PostgreSQL runs Prisma's (one script).
    const apply = async (owner: string, names: string[]) => {
      const c = new pg.Client({ connectionString: owner });
      await c.connect();
      try {
        for (const n of names) await c.query(readFileSync(path.join(dir, n, "migration.sql"), "utf8"));
      } finally {
        await c.end();
      }
    };
    // Prisma's own bookkeeping table exists before the first migration runs (the role migration revokes it).
    const db = await ownDatabase(async (u) => {
      await withClient(u, (c) => c.query(`CREATE TABLE "_prisma_migrations" (id text PRIMARY KEY)`));
      await apply(u, all.slice(0, at));
    });
    const a = await addClinic(db.run, "Alder Physio");
    const b = await addClinic(db.run, "Birch Physio");
    // The old single chain, written through the old trigger by the app's role, clinics interleaved.
    await addEvents(3, a, db.app);
    await addEvents(2, null, db.app);
    await addEvents(4, b, db.app);
    await addEvents(1, a, db.app);
    const before = await db.run(`SELECT seq::text, hash FROM "AuditChainHead"`);
    expect(before).toEqual([{ seq: "10", hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    await apply(db.owner, all.slice(at, at + 1));
    const moved = await verifyAuditChain(db.app);
    expect(moved.ok).toBe(true);
    expect(moved.chains.map((x) => [x.chain, x.rows, x.lastSeq])).toEqual([["legacy", 10, "10"]]);

    // New events after the cut-over: each chain's genesis is seq 11, linked to the legacy chain's last hash.
    await addEvents(2, a, db.app);
    await addEvents(1, b, db.app);
    await addEvents(1, null, db.app);
    const after = await verifyAuditChain(db.app);
    expect(after.ok).toBe(true);
    expect(after.chains.map((x) => [x.chain, x.rows, x.firstSeq, x.lastSeq])).toEqual([
      ["legacy", 10, "1", "10"],
      ["no-clinic", 1, "11", "11"],
      [a, 2, "11", "12"],
      [b, 1, "11", "11"],
    ]);
    const genesis = await db.run(`SELECT DISTINCT "prevHash" FROM "AuditEvent" WHERE seq = 11`);
    expect(genesis).toEqual([{ prevHash: (before[0] as { hash: string }).hash }]);
    expect(cli(db.app).status).toBe(0);

    // A legacy row changed after the move is still caught, and only the legacy chain is reported.
    await db.run(
      `BEGIN; ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete; UPDATE "AuditEvent" SET "recordId" = 'p-other' WHERE seq = 5; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete; COMMIT;`,
    );
    const legacyBroken = await verifyAuditChain(db.app);
    expect(legacyBroken.chains.filter((x) => !x.ok).map((x) => [x.chain, x.first?.seq])).toEqual([["legacy", "5"]]);
  });
});
