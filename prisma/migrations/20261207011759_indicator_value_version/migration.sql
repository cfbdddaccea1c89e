-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
