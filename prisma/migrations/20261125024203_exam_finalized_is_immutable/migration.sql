-- Hand-written (no schema change): a finalized exam is immutable in the database itself, not only in the
-- app (security-requirements §1 (c)(1) "an UPDATE on a finalized exam is rejected"; issue 4: amending
-- creates a new revision and keeps the old one readable).
--   DRAFT       may change freely (autosaves) and be deleted.
--   FINAL       may only become SUPERSEDED (when a later revision is finalized), nothing else about it.
--   SUPERSEDED  never changes.
-- Neither FINAL nor SUPERSEDED rows may be deleted. The owner would have to drop the trigger first.

CREATE FUNCTION exam_refuse_change_when_final() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RAISE EXCEPTION 'A finalized exam cannot be changed; amend it to make a new revision (exam %, revision %)', OLD.id, OLD.revision USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER exam_finalized_is_immutable BEFORE UPDATE OR DELETE ON "Exam"
  FOR EACH ROW EXECUTE FUNCTION exam_refuse_change_when_final();
