-- Hand-written (no Prisma model): field encryption, docs/decisions/0029-field-encryption.md.
--
-- 1. One row per key id that has encrypted anything: a known text sealed under that key. A server whose
--    FIELD_KEYS holds a different key under the same id, or lacks a key the data still needs, stops at start
--    with a plain message instead of failing on the first page that shows a note. npm run keys:rotate
--    removes the row of a key nothing is encrypted with any more.
CREATE TABLE "FieldKeyCheck" (
  "keyId"     TEXT PRIMARY KEY,
  "check"     TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stride_app') THEN
    GRANT SELECT, INSERT ON "FieldKeyCheck" TO stride_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "FieldKeyCheck" FROM stride_app;
  END IF;
END $$;

-- 2. A finalized exam stays immutable, with one exception: npm run keys:rotate re-encrypts its free text
--    under the current key. That update changes `data` only, runs as the table's owner (or a superuser,
--    who could drop the trigger anyway), never as the app's role, and only in a transaction that set
--    stride.rekey. What the text says does not change; the tests compare it decrypted.
CREATE OR REPLACE FUNCTION exam_refuse_change_when_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'DRAFT' THEN
      RAISE EXCEPTION 'A finalized exam cannot be deleted (exam %, revision %)', OLD.id, OLD.revision USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF OLD.state = 'FINAL' AND NEW.state = 'SUPERSEDED'
     AND (NEW.id, NEW."clinicId", NEW."visitId", NEW.revision, NEW.version, NEW."schemaVersion", NEW.data, NEW."createdAt", NEW."updatedById", NEW."finalizedAt", NEW."finalizedById")
         IS NOT DISTINCT FROM
         (OLD.id, OLD."clinicId", OLD."visitId", OLD.revision, OLD.version, OLD."schemaVersion", OLD.data, OLD."createdAt", OLD."updatedById", OLD."finalizedAt", OLD."finalizedById") THEN
    RETURN NEW;
  END IF;
  IF current_setting('stride.rekey', true) = 'on'
     AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = TG_RELID AND pg_has_role(current_user, c.relowner, 'USAGE'))
     AND (NEW.id, NEW."clinicId", NEW."visitId", NEW.revision, NEW.state, NEW.version, NEW."schemaVersion", NEW."createdAt", NEW."updatedAt", NEW."updatedById", NEW."finalizedAt", NEW."finalizedById")
         IS NOT DISTINCT FROM
         (OLD.id, OLD."clinicId", OLD."visitId", OLD.revision, OLD.state, OLD.version, OLD."schemaVersion", OLD."createdAt", OLD."updatedAt", OLD."updatedById", OLD."finalizedAt", OLD."finalizedById") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'A finalized exam cannot be changed; amend it to make a new revision (exam %, revision %)', OLD.id, OLD.revision USING ERRCODE = 'insufficient_privilege';
END $$;
