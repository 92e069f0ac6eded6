// The message worker: runs the queue's jobs (graphile-worker) in each app instance. It reads and writes
// with plain SQL on its own small pool (no Prisma, no request context), so it can start from
// instrumentation.ts. Logs name job and message ids only: never an address or a link.
import { Logger, run, type Runner, type Task } from "graphile-worker";
import pg from "pg";
import { FOLLOW_UP_TASK, maxAttempts, publicOrigin, REMINDER_TASK, SEND_TASK } from "./config";
import { optOutToken, unseal } from "./seal";
import { PATIENT_KINDS, renderMessage, type MessageKind } from "./templates";
import { toLocale, type Locale } from "../i18n/locales";
import { DeliveryError, smtpTransport, type MessageTransport } from "./transport";

const log = (s: string) => console.log(`[messages] ${s}`);

interface MessageRow {
  id: string;
  clinicId: string;
  visitId: string | null;
  patientId: string | null;
  kind: MessageKind;
  recipient: string;
  status: string;
  clinicName: string;
  clinicPhone: string | null;
  firstName: string | null;
  emailOptOut: boolean | null;
  locale: string | null;
  clinicLocale: string;
  visitDate: Date | null;
  tokenSealed: string | null;
  inviteOpen: boolean | null;
}

/** The visit's date as the reader writes it ("Tuesday 8 December", "martes, 8 de diciembre"). */
function formatDate(d: Date | null, locale: Locale): string | null {
  return d ? new Intl.DateTimeFormat(locale === "es" ? "es" : "en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(d) : null;
}

async function audit(
  c: pg.PoolClient | pg.Pool,
  m: { clinicId: string; patientId: string | null; id: string },
  action: "message-sent" | "message-failed",
  outcome: "ok" | "failed",
  details: object,
) {
  await c.query(
    `INSERT INTO "AuditEvent" ("actorType", "clinicId", "patientId", action, "recordType", "recordId", outcome, details) VALUES ('system', $1, $2, $3, 'Message', $4, $5, $6)`,
    [m.clinicId, m.patientId, action, m.id, outcome, JSON.stringify(details)],
  );
}

async function queueClinicUndeliverable(c: pg.PoolClient, m: MessageRow) {
  const r = await c.query<{ id: string }>(
    `INSERT INTO "Message" (id, "clinicId", "visitId", kind, recipient, "updatedAt")
     SELECT gen_random_uuid(), c.id, $2, 'clinic-undeliverable', c.email, now() FROM "Clinic" c WHERE c.id = $1 AND c.email IS NOT NULL AND c.email <> ''
     RETURNING id`,
    [m.clinicId, m.visitId],
  );
  const id = r.rows[0]?.id;
  if (id)
    await c.query(
      `SELECT graphile_worker.add_job($1, json_build_object('messageId', $2::text, 'failedKind', $3::text), max_attempts := $4::int, job_key := $2::text)`,
      [SEND_TASK, id, m.kind, maxAttempts()],
    );
}

/** Send one message. Idempotent: a message already sent (or skipped) is never sent again, whichever job asks. */
function sendTask(pool: pg.Pool, transport: () => MessageTransport): Task {
  return async (payload, helpers) => {
    const { messageId, failedKind } = payload as { messageId: string; failedKind?: MessageKind };
    const { rows } = await pool.query<MessageRow>(
      `SELECT m.id, m."clinicId", m."visitId", m."patientId", m.kind, m.recipient, m.status::text AS status,
              c.name AS "clinicName", c.phone AS "clinicPhone", c.locale AS "clinicLocale", p."firstName", p."emailOptOut", p.locale, v.date AS "visitDate",
              i."tokenSealed", (i.id IS NOT NULL AND i."revokedAt" IS NULL AND i."expiresAt" > now()) AS "inviteOpen"
         FROM "Message" m JOIN "Clinic" c ON c.id = m."clinicId"
         LEFT JOIN "Patient" p ON p.id = m."patientId"
         LEFT JOIN "Visit" v ON v.id = m."visitId"
         LEFT JOIN "IntakeInvite" i ON i.id = m."inviteId"
        WHERE m.id = $1`,
      [messageId],
    );
    const m = rows[0];
    if (!m || m.status === "SENT" || m.status === "SKIPPED") return;
    const skip = async (why: string) => {
      await pool.query(`UPDATE "Message" SET status = 'SKIPPED', "lastError" = $2, "updatedAt" = now() WHERE id = $1 AND status <> 'SENT'`, [m.id, why]);
    };
    if (m.emailOptOut) return skip("The patient opted out of email");
    const origin = publicOrigin();
    let link: string | null = null;
    if (m.kind === "invite" || m.kind === "reminder" || m.kind === "summary" || m.kind === "plan" || m.kind === "follow-up") {
      const token = m.tokenSealed && m.inviteOpen ? unseal(m.tokenSealed) : null;
      // A link withdrawn (a newer one was made) or expired before the email left is not worth sending.
      if (!token) return skip("The link was withdrawn or expired before it was sent");
      link = `${origin}/i/${token}`;
    } else if (m.visitId && (m.kind === "clinic-link-locked" || m.kind === "clinic-undeliverable")) {
      link = `${origin}/visits/${m.visitId}`;
    }
    // A message to the patient in the patient's language; a notice to the clinic in the clinic's.
    const readerLocale: Locale = PATIENT_KINDS.includes(m.kind) ? toLocale(m.locale) : toLocale(m.clinicLocale);
    const content = renderMessage(m.kind, {
      locale: readerLocale,
      clinic: { name: m.clinicName, phone: m.clinicPhone },
      firstName: m.firstName,
      visitDate: formatDate(m.visitDate, readerLocale),
      link,
      optOutLink: PATIENT_KINDS.includes(m.kind) && m.patientId ? `${origin}/o/${optOutToken(m.patientId)}` : null,
      failedKind,
    });
    try {
      await transport().send({ id: m.id, to: m.recipient, ...content });
    } catch (e) {
      const err = e instanceof DeliveryError ? e : new DeliveryError("The message could not be sent", false);
      const last = err.permanent || helpers.job.attempts >= helpers.job.max_attempts;
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        await c.query(
          `UPDATE "Message" SET attempts = attempts + 1, "lastError" = $2, status = CASE WHEN $3 THEN 'FAILED'::"MessageStatus" ELSE status END, "updatedAt" = now() WHERE id = $1 AND status = 'QUEUED'`,
          [m.id, err.message, last],
        );
        if (last) {
          await audit(c, m, "message-failed", "failed", { kind: m.kind, attempts: helpers.job.attempts, permanent: err.permanent });
          if (PATIENT_KINDS.includes(m.kind)) await queueClinicUndeliverable(c, m);
        }
        await c.query("COMMIT");
      } catch (dbErr) {
        await c.query("ROLLBACK").catch(() => {});
        throw dbErr;
      } finally {
        c.release();
      }
      if (err.permanent) return; // a refused address: no retry, it is on the dead-letter list now
      throw err;
    }
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await c.query(`UPDATE "Message" SET status = 'SENT', "sentAt" = now(), attempts = attempts + 1, "lastError" = NULL, "updatedAt" = now() WHERE id = $1`, [
        m.id,
      ]);
      // The link's sealed token is kept until the invite closes: a reminder may still need it.
      await audit(c, m, "message-sent", "ok", { kind: m.kind, attempt: helpers.job.attempts });
      await c.query("COMMIT");
    } catch (dbErr) {
      await c.query("ROLLBACK").catch(() => {});
      throw dbErr;
    } finally {
      c.release();
    }
  };
}

/** One transaction on its own connection: committed, or rolled back and the error passed on. */
async function inTransaction(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<void>): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await work(c);
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

/** A message the worker decided to send (a reminder, the follow-up day's email) and its send job, in the
 * caller's transaction. */
async function queueFromWorker(
  c: pg.PoolClient,
  m: { clinicId: string; visitId: string; patientId: string; email: string; inviteId: string; kind: "reminder" | "follow-up" },
): Promise<void> {
  const ins = await c.query<{ id: string }>(
    `INSERT INTO "Message" (id, "clinicId", "visitId", "patientId", kind, recipient, "inviteId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [m.clinicId, m.visitId, m.patientId, m.kind, m.email, m.inviteId],
  );
  await c.query(`SELECT graphile_worker.add_job($1, json_build_object('messageId', $2::text), max_attempts := $3::int, job_key := $2::text)`, [
    SEND_TASK,
    ins.rows[0]!.id,
    maxAttempts(),
  ]);
}

/** A reminder comes due: queue it only if the intake is still not sent, the visit is still ahead, the patient
 * still takes email and at most two were sent. Message and job in one transaction. */
function reminderTask(pool: pg.Pool): Task {
  return async (payload) => {
    const { visitId, n } = payload as { visitId: string; n: number };
    await inTransaction(pool, async (c) => {
      // Lock the visit first, in its own statement: the count below then sees reminders that a concurrent
      // job committed while this one waited (a new snapshot per statement).
      await c.query(`SELECT 1 FROM "Visit" WHERE id = $1 FOR UPDATE`, [visitId]);
      const { rows } = await c.query<{ clinicId: string; patientId: string; email: string | null; inviteId: string | null; sent: number }>(
        `SELECT v."clinicId", v."patientId", p.email, i.id AS "inviteId",
                (SELECT count(*)::int FROM "Message" r WHERE r."visitId" = v.id AND r.kind = 'reminder') AS sent
           FROM "Visit" v JOIN "Patient" p ON p.id = v."patientId"
           LEFT JOIN LATERAL (SELECT id FROM "IntakeInvite" WHERE "visitId" = v.id AND "revokedAt" IS NULL AND "expiresAt" > now()
                                 AND "tokenSealed" IS NOT NULL ORDER BY "createdAt" DESC LIMIT 1) i ON true
          WHERE v.id = $1 AND v.status = 'INVITED' AND v.date >= (now() AT TIME ZONE 'UTC')::date
            AND NOT p."emailOptOut" AND p.email IS NOT NULL`,
        [visitId],
      );
      const r = rows[0];
      if (r?.email && r.inviteId && r.sent < Math.min(n, 2))
        await queueFromWorker(c, { clinicId: r.clinicId, visitId, patientId: r.patientId, email: r.email, inviteId: r.inviteId, kind: "reminder" });
    });
  };
}

/** The follow-up questions open on My plan today: email the patient the plan link, only if the plan that
 * scheduled it is still the patient's latest, its follow-up intake is not in, nobody asked for it already
 * (the clinician's request sends its own email), the patient is not discharged and takes email. */
function followUpTask(pool: pg.Pool): Task {
  return async (payload) => {
    const { patientId, summaryId } = payload as { patientId: string; summaryId: string };
    await inTransaction(pool, async (c) => {
      await c.query(`SELECT 1 FROM "Patient" WHERE id = $1 FOR UPDATE`, [patientId]);
      const { rows } = await c.query<{ clinicId: string; email: string; inviteId: string; visitId: string }>(
        `SELECT p."clinicId", btrim(p.email) AS email, i.id AS "inviteId", i."visitId"
           FROM "Patient" p
           JOIN "Summary" s ON s.id = $2 AND s.state = 'FINAL'
           JOIN LATERAL (SELECT i.id, i."visitId" FROM "IntakeInvite" i JOIN "Visit" v ON v.id = i."visitId"
                          WHERE v."patientId" = p.id AND i.purpose = 'plan' AND i."revokedAt" IS NULL AND i."expiresAt" > now()
                            AND i."tokenSealed" IS NOT NULL ORDER BY i."createdAt" DESC LIMIT 1) i ON true
          WHERE p.id = $1 AND p."dischargedOn" IS NULL AND NOT p."emailOptOut" AND p.email IS NOT NULL AND btrim(p.email) <> ''
            AND NOT EXISTS (SELECT 1 FROM "Summary" later JOIN "Visit" lv ON lv.id = later."visitId"
                             WHERE lv."patientId" = p.id AND later.state = 'FINAL' AND later."finalizedAt" > s."finalizedAt")
            AND NOT EXISTS (SELECT 1 FROM "IntakeResponse" r JOIN "Visit" rv ON rv.id = r."visitId"
                             WHERE rv."patientId" = p.id AND rv.kind = 'FOLLOW_UP' AND r.state IN ('FINAL', 'SUPERSEDED') AND r."submittedAt" > s."finalizedAt")
            AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."patientId" = p.id AND m.kind = 'follow-up' AND m."createdAt" > s."finalizedAt")`,
        [patientId, summaryId],
      );
      const r = rows[0];
      if (r) await queueFromWorker(c, { ...r, patientId, kind: "follow-up" });
    });
  };
}

/** How long a job may stay locked before its worker counts as dead (killed mid-send): a send gives up
 * after at most about a minute (connection, greeting and socket timeouts), so two minutes by default. */
function staleLockSeconds(): number {
  const n = Number(process.env.MESSAGE_STALE_LOCK_SECONDS ?? 120);
  return Number.isFinite(n) && n >= 5 ? n : 120;
}

/** Jobs locked by a worker that died (the app was killed mid-send) go back to the queue. graphile-worker
 * itself would wait four hours. The message may already have reached the server: the retry sends it with
 * the same Message-ID, which the receiver can drop (the fault test counts both). */
export async function releaseStaleLocks(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ workers: string[] | null; n: number }>(
    `SELECT array_agg(DISTINCT locked_by) AS workers, count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at < now() - make_interval(secs => $1)`,
    [staleLockSeconds()],
  );
  const workers = rows[0]?.workers?.filter(Boolean) ?? [];
  if (workers.length) await pool.query(`SELECT graphile_worker.force_unlock_workers($1::text[])`, [workers]);
  return workers.length ? rows[0]!.n : 0;
}

export interface MessageWorker {
  stop(): Promise<void>;
}

const globalForWorker = globalThis as unknown as { strideMessageWorker?: Promise<MessageWorker | null> };

/** Start the worker once per process; null (and one line saying why) when email is not configured. */
export function startMessageWorker(
  opts: { connectionString?: string; transport?: () => MessageTransport; concurrency?: number } = {},
): Promise<MessageWorker | null> {
  globalForWorker.strideMessageWorker ??= start(opts);
  return globalForWorker.strideMessageWorker;
}

/** A worker of its own (tests, the fault and bench tools); the app uses startMessageWorker. */
export const createMessageWorker = start;

async function start(opts: { connectionString?: string; transport?: () => MessageTransport; concurrency?: number }): Promise<MessageWorker | null> {
  const connectionString = opts.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) return null;
  if (!opts.transport && !process.env.SMTP_URL) {
    log("SMTP_URL is not set: messages are queued and wait until it is (README, Messages).");
    return null;
  }
  let shared: MessageTransport | undefined;
  const transport = opts.transport ?? (() => (shared ??= smtpTransport()));
  const pool = new pg.Pool({ connectionString, max: 6, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {});
  const logger = new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(message);
  });
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: opts.concurrency ?? Number(process.env.MESSAGE_CONCURRENCY ?? 4),
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
    taskList: { [SEND_TASK]: sendTask(pool, transport), [REMINDER_TASK]: reminderTask(pool), [FOLLOW_UP_TASK]: followUpTask(pool) },
  });
  await releaseStaleLocks(pool).catch(() => 0);
  const sweep = setInterval(() => void releaseStaleLocks(pool).catch(() => 0), Math.min(30, staleLockSeconds() / 2) * 1000);
  sweep.unref();
  return {
    async stop() {
      clearInterval(sweep);
      await runner.stop();
      shared?.close?.();
      await pool.end();
    },
  };
}
