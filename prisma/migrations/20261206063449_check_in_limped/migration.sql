-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "limped" BOOLEAN;

