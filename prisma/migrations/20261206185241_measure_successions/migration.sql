-- CreateEnum
CREATE TYPE "SuccessionKind" AS ENUM ('CONTINUED_BY', 'MERGED_INTO', 'REPLACED_BY', 'ABANDONED');

-- CreateTable
CREATE TABLE "MeasureSuccession" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "successorId" TEXT,
    "kind" "SuccessionKind" NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureSuccession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeasureSuccession_successorId_idx" ON "MeasureSuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureSuccession_measureId_successorId_key" ON "MeasureSuccession"("measureId", "successorId");

-- AddForeignKey
ALTER TABLE "MeasureSuccession" ADD CONSTRAINT "MeasureSuccession_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureSuccession" ADD CONSTRAINT "MeasureSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
