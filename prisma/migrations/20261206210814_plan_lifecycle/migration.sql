-- AlterEnum
ALTER TYPE "PlanStatus" ADD VALUE 'DRAFT';

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "showStaffNames" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "successorPlanId" TEXT;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_successorPlanId_fkey" FOREIGN KEY ("successorPlanId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
