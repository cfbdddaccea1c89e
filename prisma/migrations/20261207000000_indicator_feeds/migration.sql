-- CreateEnum
CREATE TYPE "FeedFormat" AS ENUM ('CSV', 'JSON');

-- CreateEnum
CREATE TYPE "FeedSchedule" AS ENUM ('DAILY', 'WEEKLY');

-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IndicatorFeed" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" "FeedFormat" NOT NULL,
    "valuePath" TEXT NOT NULL,
    "filterColumn" TEXT,
    "filterValue" TEXT,
    "datePath" TEXT,
    "schedule" "FeedSchedule" NOT NULL DEFAULT 'WEEKLY',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFetchAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorDetail" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IndicatorFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorFeed_indicatorId_key" ON "IndicatorFeed"("indicatorId");

-- CreateIndex
CREATE INDEX "IndicatorFeed_lastFetchAt_idx" ON "IndicatorFeed"("lastFetchAt");

-- AddForeignKey
ALTER TABLE "IndicatorFeed" ADD CONSTRAINT "IndicatorFeed_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
