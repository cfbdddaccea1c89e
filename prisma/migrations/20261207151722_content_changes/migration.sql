-- CreateTable
CREATE TABLE "ContentChange" (
    "scope" TEXT NOT NULL,
    "planId" TEXT,
    "measureId" TEXT,
    "version" BIGINT NOT NULL,

    CONSTRAINT "ContentChange_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE INDEX "ContentChange_version_idx" ON "ContentChange"("version");
