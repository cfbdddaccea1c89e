-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('FOR', 'AGAINST', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "CompletionGrade" AS ENUM ('NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "councilQuorum" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "councilEcosystem" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "councilSecretariat" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ReportRound" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "sections" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSnapshot" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "ReportSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "createdById" TEXT,
    "adoptedAt" TIMESTAMP(3),
    "response" TEXT,
    "respondedAt" TIMESTAMP(3),
    "respondedById" TEXT,
    "publish" BOOLEAN,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpinionVote" (
    "id" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpinionVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureGrade" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "grade" "CompletionGrade" NOT NULL,
    "gradedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeasureGrade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportRound_planId_periodEnd_idx" ON "ReportRound"("planId", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSnapshot_roundId_measureId_key" ON "ReportSnapshot"("roundId", "measureId");

-- CreateIndex
CREATE INDEX "Opinion_roundId_idx" ON "Opinion"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionVote_opinionId_voterId_key" ON "OpinionVote"("opinionId", "voterId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureGrade_roundId_measureId_key" ON "MeasureGrade"("roundId", "measureId");

-- AddForeignKey
ALTER TABLE "ReportRound" ADD CONSTRAINT "ReportRound_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSnapshot" ADD CONSTRAINT "ReportSnapshot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionVote" ADD CONSTRAINT "OpinionVote_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureGrade" ADD CONSTRAINT "MeasureGrade_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
