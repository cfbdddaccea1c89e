-- CreateTable
CREATE TABLE "LinkCheck" (
    "url" TEXT NOT NULL,
    "lastCheckedAt" TIMESTAMP(3) NOT NULL,
    "lastStatus" TEXT NOT NULL,
    "lastSuccessAt" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "firstFailureAt" TIMESTAMP(3),
    "finalUrl" TEXT,
    "redirects" JSONB,
    "suggestedUrl" TEXT,

    CONSTRAINT "LinkCheck_pkey" PRIMARY KEY ("url")
);

-- CreateIndex
CREATE INDEX "LinkCheck_lastCheckedAt_idx" ON "LinkCheck"("lastCheckedAt");
