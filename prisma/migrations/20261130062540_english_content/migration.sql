-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "titleEn" TEXT;
