-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "archiveNoteEn" TEXT;
