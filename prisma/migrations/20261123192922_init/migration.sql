-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'ABANDONED', 'CONTINUOUS');

-- CreateEnum
CREATE TYPE "ProgressMethod" AS ENUM ('MANUAL', 'MILESTONES', 'INDICATOR');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('ON_TRACK', 'AT_RISK', 'OFF_TRACK');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'QUARTER', 'SEMESTER', 'YEAR', 'CONTINUOUS');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('WEBSITE', 'DOCUMENT', 'SOURCE_CODE', 'ARTICLE', 'DATASET', 'EVENT', 'OTHER');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('UP', 'DOWN');

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "summary" TEXT,
    "summaryEn" TEXT,
    "adoptedOn" DATE,
    "status" "PlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "archivedOn" DATE,
    "archiveNote" TEXT,
    "sourceUrls" TEXT[],
    "notes" TEXT[],
    "contentLicence" TEXT NOT NULL DEFAULT 'Licence Ouverte / Open Licence 2.0',
    "contentLicenceUrl" TEXT NOT NULL DEFAULT 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Owner" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "Owner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Axis" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "position" INTEGER NOT NULL,
    "leadOwnerId" TEXT,

    CONSTRAINT "Axis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "axisId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "description" TEXT NOT NULL,
    "descriptionEn" TEXT,
    "subActions" TEXT[],
    "leadOwnerId" TEXT NOT NULL,
    "status" "MeasureStatus",
    "statusAsOf" DATE,
    "progressMethod" "ProgressMethod" NOT NULL DEFAULT 'MANUAL',
    "progressManual" INTEGER,
    "progressAsOf" DATE,
    "confidence" "Confidence",
    "confidenceExplanation" TEXT,
    "confidenceAsOf" DATE,
    "plannedStart" DATE,
    "plannedStartPrecision" "DatePrecision",
    "plannedEnd" DATE,
    "plannedEndPrecision" "DatePrecision",
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureContributor" (
    "measureId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,

    CONSTRAINT "MeasureContributor_pkey" PRIMARY KEY ("measureId","ownerId")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "plannedDate" DATE,
    "plannedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "forecastDate" DATE,
    "doneOn" DATE,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL DEFAULT 'OTHER',
    "date" DATE,
    "datePrecision" "DatePrecision",
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "unit" TEXT NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "baselineDate" DATE,
    "target" DOUBLE PRECISION,
    "targetDate" DATE,
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'UP',
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "value" DOUBLE PRECISION NOT NULL,
    "qualifier" TEXT,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "measureId" TEXT,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "text" TEXT NOT NULL,
    "blockers" TEXT,
    "nextSteps" TEXT,
    "sourceUrls" TEXT[],
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "planId" TEXT,
    "measureId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Plan_slug_key" ON "Plan"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Owner_code_key" ON "Owner"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Axis_planId_number_key" ON "Axis"("planId", "number");

-- CreateIndex
CREATE INDEX "Measure_axisId_idx" ON "Measure"("axisId");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_planId_number_key" ON "Measure"("planId", "number");

-- CreateIndex
CREATE INDEX "Milestone_measureId_idx" ON "Milestone"("measureId");

-- CreateIndex
CREATE INDEX "EvidenceLink_measureId_idx" ON "EvidenceLink"("measureId");

-- CreateIndex
CREATE INDEX "Indicator_measureId_idx" ON "Indicator"("measureId");

-- CreateIndex
CREATE INDEX "IndicatorValue_indicatorId_date_idx" ON "IndicatorValue"("indicatorId", "date");

-- CreateIndex
CREATE INDEX "ProgressUpdate_planId_date_idx" ON "ProgressUpdate"("planId", "date");

-- CreateIndex
CREATE INDEX "ProgressUpdate_measureId_date_idx" ON "ProgressUpdate"("measureId", "date");

-- CreateIndex
CREATE INDEX "AuditEvent_planId_at_idx" ON "AuditEvent"("planId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_measureId_at_idx" ON "AuditEvent"("measureId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Axis" ADD CONSTRAINT "Axis_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Axis" ADD CONSTRAINT "Axis_leadOwnerId_fkey" FOREIGN KEY ("leadOwnerId") REFERENCES "Owner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "Axis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_leadOwnerId_fkey" FOREIGN KEY ("leadOwnerId") REFERENCES "Owner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureContributor" ADD CONSTRAINT "MeasureContributor_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureContributor" ADD CONSTRAINT "MeasureContributor_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
