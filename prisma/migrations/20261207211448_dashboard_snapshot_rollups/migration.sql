-- AlterTable
ALTER TABLE "DashboardSnapshot" ADD COLUMN     "rollups" TEXT;
