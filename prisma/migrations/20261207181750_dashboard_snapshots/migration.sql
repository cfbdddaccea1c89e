-- CreateTable
CREATE TABLE "DashboardSnapshot" (
    "planId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "version" BIGINT NOT NULL,
    "data" TEXT NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardSnapshot_pkey" PRIMARY KEY ("planId","day")
);

-- AddForeignKey
ALTER TABLE "DashboardSnapshot" ADD CONSTRAINT "DashboardSnapshot_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
