-- Hand-written additions (Prisma cannot express them), marked below:
--   1. rounds created twice before this migration get a numbered title, so that the unique index can be built;
--   2. frozen measures of existing rounds are renumbered in the plan's order (axis, then measure position).

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_SUBMITTED';
ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_PUBLISHED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "roundId" TEXT,
ALTER COLUMN "measureId" DROP NOT NULL;

-- Hand-written (1): keep the first of each duplicate round as it is, number the others.
UPDATE "ReportRound" AS r SET "title" = r."title" || ' (' || d.rn || ')'
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "planId", "title", "periodStart", "periodEnd" ORDER BY "createdAt", "id") AS rn
  FROM "ReportRound"
) AS d
WHERE d."id" = r."id" AND d.rn > 1;

-- Hand-written (2): the plan's order; a measure deleted since keeps its place after the others.
UPDATE "ReportSnapshot" AS s SET "position" = o.rn - 1
FROM (
  SELECT s2."id", row_number() OVER (PARTITION BY s2."roundId" ORDER BY a."position" NULLS LAST, m."position" NULLS LAST, s2."position") AS rn
  FROM "ReportSnapshot" AS s2
  LEFT JOIN "Measure" AS m ON m."id" = s2."measureId"
  LEFT JOIN "Axis" AS a ON a."id" = m."axisId"
) AS o
WHERE o."id" = s."id";

-- CreateIndex
CREATE UNIQUE INDEX "ReportRound_planId_title_periodStart_periodEnd_key" ON "ReportRound"("planId", "title", "periodStart", "periodEnd");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
