-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-US';

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-US';

-- AlterTable
ALTER TABLE "IntakeResponse" ADD COLUMN     "locale" TEXT;


-- Hand-written: only the languages the app has a catalog for (lib/i18n/locales.ts); adding one is a new
-- migration that widens these checks.
ALTER TABLE "Clinic" ADD CONSTRAINT "Clinic_locale_check" CHECK ("locale" IN ('en-US', 'en-GB', 'es'));
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_locale_check" CHECK ("locale" IN ('en-US', 'en-GB', 'es'));
ALTER TABLE "IntakeResponse" ADD CONSTRAINT "IntakeResponse_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en-US', 'en-GB', 'es'));
