import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, ensureAppLogin, migrate, withCredentials } from "./lib/db-setup";
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
  sql(`BEGIN; ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete; ${statement}; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete; COMMIT;`);

async function addEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await sql(`INSERT INTO "AuditEvent" ("actorType", "actorId", action, "recordType", "recordId", details) VALUES ('user', $1, 'view', 'Patient', $2, '{"n": 1}')`, [
      `u-${i}`,
      `p-${i}`,
    ]);
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

function cli() {
  const root = path.resolve(import.meta.dirname, "..");
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "audit-verify.ts")], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: appUrl },
  });
}

describe("npm run audit:verify", () => {
  it("passes an intact chain, then names the first changed, missing or unchained row", async () => {
    // More than nine rows: seq 10 must sort after seq 9, not after seq 1.
    await addEvents(12);
    expect(await verifyAuditChain(appUrl)).toEqual({ ok: true, rows: 12, lastSeq: "12" });
    const ok = cli();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Audit trail intact: 12 events");

    // A changed row: seq 3's action rewritten.
    await tamper(`UPDATE "AuditEvent" SET action = 'print' WHERE seq = 3`);
    const changed = await verifyAuditChain(appUrl);
    expect(changed.ok).toBe(false);
    if (changed.ok) return;
    expect(changed.first.seq).toBe("3");
    expect(describeProblem(changed.first)).toMatch(/^AuditEvent seq 3, id \d+, written .*: no longer matches its hash/);
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
    expect(tail.ok === false && tail.first.problem).toMatch(/chain head says the trail ends at seq 3/);

    // A row slipped in with the chain trigger off.
    await sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_chain`);
    await sql(`INSERT INTO "AuditEvent" ("actorType", action) VALUES ('system', 'view')`);
    await sql(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_chain`);
    const slipped = await verifyAuditChain(appUrl);
    expect(slipped.ok === false && slipped.first.problem).toMatch(/no place in the hash chain/);
  });
});
