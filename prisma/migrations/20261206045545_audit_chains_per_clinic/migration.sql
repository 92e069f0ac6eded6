-- One audit hash chain per clinic, and one for events with no clinic, instead of one chain for the whole
-- database (docs/decisions/0030-audit-chains-per-clinic.md). The single chain head serialized every
-- audited commit in the database; with a head per chain, clinics commit in parallel.
--
-- History is not rewritten (the trail is append-only and its rows keep their hashes): every row written
-- before this migration stays in the single chain, now called the legacy chain, which ends at the cut-over
-- recorded in the head row 'legacy' (its last seq and hash) and never grows again. Each new chain starts
-- right after it: its first row has seq = the cut-over seq + 1 and prevHash = the legacy chain's last hash,
-- so every chain commits to all history before it, and a clinic's rows sort by seq across the cut-over.
-- npm run audit:verify walks the legacy chain up to the cut-over, then each chain from its genesis.

-- Freeze the single chain first: every audited transaction in flight finishes (and takes its place in the
-- old chain) before the cut-over is recorded, and none starts until this migration commits.
LOCK TABLE "AuditChainHead", "AuditEvent" IN SHARE ROW EXCLUSIVE MODE;

-- seq is unique per chain now. The legacy rows' seqs are unique across the database, so they satisfy the
-- per-clinic index too; NULLS NOT DISTINCT makes the no-clinic chain's seq unique as well (PostgreSQL 15+).
DROP INDEX "AuditEvent_seq_key";

-- CreateIndex
CREATE INDEX "AuditEvent_seq_idx" ON "AuditEvent"("seq");

-- CreateIndex (Prisma writes it without NULLS NOT DISTINCT, which its schema language cannot express)
CREATE UNIQUE INDEX "AuditEvent_clinicId_seq_key" ON "AuditEvent"("clinicId", "seq") NULLS NOT DISTINCT;

-- The head table, keyed by chain: 'legacy' (the single chain up to the cut-over, frozen), 'no-clinic', or
-- the clinic's id. The one existing row becomes the legacy head as it stands.
ALTER TABLE "AuditChainHead" ADD COLUMN chain text;
UPDATE "AuditChainHead" SET chain = 'legacy';
ALTER TABLE "AuditChainHead" DROP CONSTRAINT "AuditChainHead_pkey";
ALTER TABLE "AuditChainHead" DROP COLUMN id;
ALTER TABLE "AuditChainHead" ALTER COLUMN chain SET NOT NULL;
ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY (chain);
ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_chain_check"
  CHECK (chain IN ('legacy', 'no-clinic') OR chain ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');

-- The insert trigger now locks only the head of the row's own chain, so audited writes of two clinics
-- never wait for each other. A chain's first event creates its head from the legacy head (its genesis);
-- two first events of one new chain at once are ordered by the primary key (ON CONFLICT waits for the
-- other insert, then the UPDATE sees its row).
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  k text := coalesce(NEW."clinicId"::text, 'no-clinic');
  head "AuditChainHead"%ROWTYPE;
BEGIN
  UPDATE "AuditChainHead" SET seq = seq + 1 WHERE chain = k RETURNING * INTO head;
  IF NOT FOUND THEN
    INSERT INTO "AuditChainHead" (chain, seq, hash)
      SELECT k, l.seq, l.hash FROM "AuditChainHead" l WHERE l.chain = 'legacy'
      ON CONFLICT (chain) DO NOTHING;
    UPDATE "AuditChainHead" SET seq = seq + 1 WHERE chain = k RETURNING * INTO head;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'The audit chain''s legacy head row is missing' USING ERRCODE = 'data_corrupted';
    END IF;
  END IF;
  NEW.seq := head.seq;
  NEW."prevHash" := NULLIF(head.hash, '');
  NEW.hash := encode(sha256(convert_to(head.hash || audit_event_canonical(NEW), 'UTF8')), 'hex');
  UPDATE "AuditChainHead" SET hash = NEW.hash WHERE chain = k;
  RETURN NEW;
END $$;
