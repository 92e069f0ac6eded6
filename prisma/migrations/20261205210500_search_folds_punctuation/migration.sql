-- Hand-written (Prisma's schema cannot express expression indexes): patient search compares names folded
-- as lib/data/patients.ts folds them (lower case, without apostrophes, hyphens, dots and spaces), so
-- "oneil" finds O'Neil. The expressions must match the search's text exactly for the planner to use them;
-- text_pattern_ops keeps the range conditions (~>=~, ~<~) indexable whatever the collation. They replace
-- the lower(name) indexes, which the search no longer reads.
-- On a large live database, build these first with CREATE INDEX CONCURRENTLY under the same names.
CREATE INDEX IF NOT EXISTS "Patient_clinicId_folded_lastName_idx" ON "Patient" ("clinicId", regexp_replace(lower("lastName"), '[''’‘`. -]', '', 'g') text_pattern_ops);
CREATE INDEX IF NOT EXISTS "Patient_clinicId_folded_firstName_idx" ON "Patient" ("clinicId", regexp_replace(lower("firstName"), '[''’‘`. -]', '', 'g') text_pattern_ops);
DROP INDEX IF EXISTS "Patient_clinicId_lower_lastName_idx";
DROP INDEX IF EXISTS "Patient_clinicId_lower_firstName_idx";
