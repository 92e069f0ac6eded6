// npm run keys:rotate on a database of its own (it rewrites whole tables): every value ends under the new
// key, old values stay readable throughout, autosaves made during the rotation are never overwritten,
// finalized exams are re-keyed without changing anything else, and a second run rewrites nothing.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptDeep, encryptJson, encryptText, keyIdOf, needsRekey, parseKeyring, type Keyring } from "@/lib/crypto/fields";
import { KEY_CHECK_TEXT } from "@/lib/data/field-key-check";
import { EXAM_TEXT, INTAKE_TEXT } from "@/lib/data/sealed";
import { encryptPaths } from "@/lib/crypto/fields";
import { createDatabase, dropDatabase, migrate } from "./lib/db-setup";
import { rotateFieldKeys } from "./lib/keys-rotate";

const server = () => process.env.OWNER_DATABASE_URL!;
const name = `stride_rekey_${randomBytes(3).toString("hex")}`;
const url = () => {
  const u = new URL(server());
  u.pathname = `/${name}`;
  return u.toString();
};
const k1 = `k1:${randomBytes(32).toString("base64")}`;
const ring1 = parseKeyring(k1);
const ring21 = parseKeyring(`k2:${randomBytes(32).toString("base64")},${k1}`);
const N = 240;

async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url() });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

const examOf = (i: number) => ({ strength: { hipAbduction: { left: { trialsN: [100 + i] } } }, impression: `Impression number ${i}` });
const intakeOf = (i: number) => ({
  about: { occupation: `Occupation ${i}`, sex: "female" },
  safety: { swelling: i % 2 === 0 },
  consent: { agreed: true, signatureName: `Signer ${i}` },
});
const summaryOf = (i: number) => ({ edits: { notes: `Note ${i}` } });

beforeAll(async () => {
  await createDatabase(server(), name);
  migrate(url(), { quiet: true });
  const [clinic] = await sql<{ id: string }>(`INSERT INTO "Clinic" (id, name) VALUES (gen_random_uuid(), 'Rotation Clinic') RETURNING id`);
  const [patient] = await sql<{ id: string }>(
    `INSERT INTO "Patient" (id, "clinicId", "firstName", "lastName", "dateOfBirth", sex) VALUES (gen_random_uuid(), $1, 'Ro', 'Tate', '1980-01-02', 'OTHER') RETURNING id`,
    [clinic!.id],
  );
  const visits = await sql<{ id: string }>(
    `INSERT INTO "Visit" (id, "clinicId", "patientId", date, "updatedAt") SELECT gen_random_uuid(), $1, $2, '2026-11-25', now() FROM generate_series(1, $3) RETURNING id`,
    [clinic!.id, patient!.id, N],
  );
  const ids = visits.map((v) => v.id).sort();
  // A third of the rows plain (written before encryption), the rest under k1; every tenth exam finalized.
  const examJson = ids.map((_, i) => JSON.stringify(i % 3 === 0 ? examOf(i) : encryptPaths(examOf(i), EXAM_TEXT, ring1)));
  await sql(
    `INSERT INTO "Exam" (id, "clinicId", "visitId", revision, state, "schemaVersion", data, "updatedAt", "finalizedAt")
     SELECT gen_random_uuid(), $1, v, 1, CASE WHEN o % 10 = 0 THEN 'FINAL'::"RecordState" ELSE 'DRAFT'::"RecordState" END, 2, d::jsonb, now(), CASE WHEN o % 10 = 0 THEN now() END
       FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS x(v, d, o)`,
    [clinic!.id, ids, examJson],
  );
  const intakeJson = ids.map((_, i) => JSON.stringify(i % 3 === 0 ? intakeOf(i) : encryptPaths(intakeOf(i), INTAKE_TEXT, ring1)));
  await sql(
    `INSERT INTO "IntakeResponse" (id, "clinicId", "visitId", state, "schemaVersion", answers, "updatedAt", "submittedAt") SELECT gen_random_uuid(), $1, v, 'FINAL', 3, d::jsonb, now(), now() FROM unnest($2::uuid[], $3::text[]) AS x(v, d)`,
    [clinic!.id, ids, intakeJson],
  );
  const summaryJson = ids.map((_, i) => JSON.stringify(i % 3 === 0 ? summaryOf(i) : encryptJson(summaryOf(i), ring1)));
  await sql(
    `INSERT INTO "Summary" (id, "clinicId", "visitId", "engineVersion", generated, content, "updatedAt") SELECT gen_random_uuid(), $1, v, 'test', d::jsonb, d::jsonb, now() FROM unnest($2::uuid[], $3::text[]) AS x(v, d)`,
    [clinic!.id, ids, summaryJson],
  );
  await sql(
    `INSERT INTO "User" (id, "clinicId", email, name, "passwordHash", "totpSecret", "updatedAt") VALUES
       (gen_random_uuid(), $1, 'plain@example.com', 'P', 'x', 'JBSWY3DPEHPK3PXP', now()),
       (gen_random_uuid(), $1, 'sealed@example.com', 'S', 'x', $2, now()),
       (gen_random_uuid(), $1, 'none@example.com', 'N', 'x', NULL, now())`,
    [clinic!.id, encryptText("KRSXG5CTMVRXEZLU", ring1)],
  );
  // The app recorded k1's check when it first started with it.
  await sql(`INSERT INTO "FieldKeyCheck" ("keyId", "check") VALUES ('k1', $1)`, [encryptText(KEY_CHECK_TEXT, ring1)]);
}, 120_000);

afterAll(async () => {
  await dropDatabase(server(), name).catch(() => {});
});

/** Every stored value opened with a keyring: throws if any cannot be read. */
async function readAll(ring: Keyring) {
  const exams = await sql<{ id: string; data: unknown; state: string; version: number }>(`SELECT id, data, state, version FROM "Exam" ORDER BY id`);
  const intakes = await sql<{ answers: unknown }>(`SELECT answers FROM "IntakeResponse"`);
  const summaries = await sql<{ generated: unknown; content: unknown }>(`SELECT generated, content FROM "Summary"`);
  const users = await sql<{ email: string; totpSecret: string | null }>(`SELECT email, "totpSecret" FROM "User" ORDER BY email`);
  return {
    exams: exams.map((e) => ({ ...e, plain: decryptDeep(e.data, ring) as ReturnType<typeof examOf> })),
    intakes: intakes.map((r) => decryptDeep(r.answers, ring)),
    summaries: summaries.map((s) => [decryptDeep(s.generated, ring), decryptDeep(s.content, ring)]),
    users: users.map((u) => ({ email: u.email, secret: u.totpSecret === null ? null : decryptDeep(u.totpSecret, ring), kid: keyIdOf(u.totpSecret) })),
    raw: { exams, intakes, summaries, users },
  };
}

describe("npm run keys:rotate", () => {
  it("refuses a current key that does not match the database's key check", async () => {
    await expect(rotateFieldKeys(url(), parseKeyring(`k1:${randomBytes(32).toString("base64")}`))).rejects.toThrow(/FIELD_KEYS's key "k1" is not the key/);
  });

  it("moves every value to the new key in batches while autosaves and reads go on, overwriting none of them", async () => {
    const before = await readAll(ring21);
    const drafts = before.exams.filter((e) => e.state === "DRAFT").slice(0, 20);
    // The app, already on the new keyring: autosaves with the version check, and reads of every row.
    let stop = false;
    let saves = 0;
    let reads = 0;
    const lastSaved = new Map<string, string>();
    const autosaves = (async () => {
      while (!stop) {
        for (const d of drafts) {
          const text = `Typed during rotation ${saves}`;
          const r = await sql(`UPDATE "Exam" SET data = $2::jsonb, version = version + 1, "updatedAt" = now() WHERE id = $1 AND state = 'DRAFT' RETURNING id`, [
            d.id,
            JSON.stringify(encryptPaths({ ...d.plain, impression: text }, EXAM_TEXT, ring21)),
          ]);
          if (r.length) lastSaved.set(d.id, text);
          saves++;
        }
      }
    })();
    const reader = (async () => {
      while (!stop) {
        await readAll(ring21);
        reads++;
      }
    })();
    let r: Awaited<ReturnType<typeof rotateFieldKeys>>;
    try {
      r = await rotateFieldKeys(url(), ring21, { batch: 50 });
    } finally {
      stop = true;
      await Promise.all([autosaves, reader]);
    }
    expect(saves).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(0);
    const byTable = Object.fromEntries(r.counts.map((c) => [c.table, c]));
    expect(byTable.Exam!.scanned).toBe(N);
    expect(byTable.IntakeResponse!.rewritten).toBe(N);
    expect(byTable.Summary!.rewritten).toBe(N);
    expect(byTable.User).toMatchObject({ scanned: 3, rewritten: 2 });
    expect(r.counts.every((c) => c.unfinished === 0)).toBe(true);
    expect(r.retiredKeyIds).toEqual(["k1"]);

    const after = await readAll(ring21);
    // Everything under k2 now.
    for (const e of after.raw.exams) expect(needsRekey(e.data, EXAM_TEXT, ring21)).toBe(false);
    for (const i of after.raw.intakes) expect(needsRekey(i.answers, INTAKE_TEXT, ring21)).toBe(false);
    for (const s of after.raw.summaries) expect([keyIdOf(s.generated), keyIdOf(s.content)]).toEqual(["k2", "k2"]);
    expect(after.users.map((u) => u.kid)).toEqual([null, "k2", "k2"]);
    expect(after.users.map((u) => u.secret)).toEqual([null, "JBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLU"]);
    // The same text as before, except where an autosave wrote later: that text, not the rotation's copy.
    for (const e of after.exams) {
      const was = before.exams.find((b) => b.id === e.id)!;
      expect(e.plain.impression).toBe(lastSaved.get(e.id) ?? was.plain.impression);
      expect(e.plain.strength).toEqual(was.plain.strength);
    }
    expect(after.intakes).toEqual(expect.arrayContaining(before.intakes));
    // Finalized exams were re-keyed, their versions and states untouched.
    const finals = after.exams.filter((e) => e.state === "FINAL");
    expect(finals.length).toBe(N / 10);
    for (const f of finals) expect(f.version).toBe(before.exams.find((b) => b.id === f.id)!.version);
    // Plain text is gone from the table.
    const [plainLeft] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Exam" WHERE data::text LIKE '%Impression number%'`);
    expect(plainLeft!.n).toBe(0);
    // One audit event for the whole rotation, with the counts.
    const events = await sql<{ details: { to: string; tables: Record<string, { rewritten: number }> } }>(
      `SELECT details FROM "AuditEvent" WHERE action = 'keys-rotated'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ to: "k2", tables: { Summary: { rewritten: N } } });
    // k1 may now leave the keyring: everything reads with k2 alone.
    await readAll(parseKeyring(ring21Text(ring21).split(",")[0]!));
  }, 120_000);

  it("is idempotent: a second run rewrites nothing", async () => {
    const again = await rotateFieldKeys(url(), ring21, { batch: 50 });
    expect(again.counts.map((c) => c.rewritten)).toEqual([0, 0, 0, 0]);
  });
});

/** The keyring back as FIELD_KEYS text (the test keeps only the parsed form). */
function ring21Text(ring: Keyring): string {
  return [...ring.keys].map(([kid, key]) => `${kid}:${key.toString("base64")}`).join(",");
}
