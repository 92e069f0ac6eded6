-- Hand-written: what Prisma's schema language cannot express.
-- 1. The application connects as a role that owns no table (stride_app, or a login role granted it).
-- 2. The audit trail is append-only for that role and for everyone going through the table's triggers.
-- 3. Every audit row is hash-chained to the one before it, so a changed or missing row is detectable
--    (npm run audit:verify). See docs/decisions/0005-audit-trail.md.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stride_app') THEN
    CREATE ROLE stride_app NOLOGIN;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'No CREATEROLE privilege: create role stride_app and grant it to the app''s login role by hand (README, Deploying).';
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stride_app') THEN
    GRANT USAGE ON SCHEMA public TO stride_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO stride_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO stride_app;
    -- Tables made by later migrations (run by the same owner) get the same grants.
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stride_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO stride_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM stride_app;
    REVOKE ALL ON "_prisma_migrations" FROM stride_app;
  END IF;
END $$;

-- Refuse changes to audit rows whoever asks (the owner and superusers would have to drop the trigger
-- first, which the hash chain then exposes).
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The chain head: one row holding the last sequence number and hash. Updating it inside the insert
-- trigger serializes audit inserts and makes seq gapless (a rolled-back insert rolls the head back too).
CREATE TABLE "AuditChainHead" (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO "AuditChainHead" (id, seq, hash) VALUES (1, 0, '');
REVOKE ALL ON "AuditChainHead" FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stride_app') THEN
    REVOKE ALL ON "AuditChainHead" FROM stride_app;
    GRANT SELECT ON "AuditChainHead" TO stride_app;
  END IF;
END $$;

-- The canonical text of a row that the hash covers: a JSON array, so no field can bleed into another.
CREATE FUNCTION audit_event_canonical(e "AuditEvent") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(
    e.seq, e.id, to_char(e."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e."actorType", e."actorId", e."clinicId", e."patientId", e.action, e."recordType", e."recordId",
    e.outcome, e."requestId", e.ip, e."userAgent", e.details
  )::text
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  head "AuditChainHead"%ROWTYPE;
BEGIN
  UPDATE "AuditChainHead" SET seq = seq + 1 WHERE id = 1 RETURNING * INTO head;
  NEW.seq := head.seq;
  NEW."prevHash" := NULLIF(head.hash, '');
  NEW.hash := encode(sha256(convert_to(head.hash || audit_event_canonical(NEW), 'UTF8')), 'hex');
  UPDATE "AuditChainHead" SET hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
