-- AlterTable
ALTER TABLE "ReportRound" ADD COLUMN     "gradesVersion" INTEGER NOT NULL DEFAULT 1;
