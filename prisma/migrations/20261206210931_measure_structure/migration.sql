-- AlterTable
ALTER TABLE "Axis" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "retiredOn" DATE,
ADD COLUMN     "retirementReason" TEXT;

-- CreateTable
CREATE TABLE "MeasureNumberRedirect" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "oldNumber" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureNumberRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeasureNumberRedirect_measureId_idx" ON "MeasureNumberRedirect"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureNumberRedirect_planId_oldNumber_key" ON "MeasureNumberRedirect"("planId", "oldNumber");

-- AddForeignKey
ALTER TABLE "MeasureNumberRedirect" ADD CONSTRAINT "MeasureNumberRedirect_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
