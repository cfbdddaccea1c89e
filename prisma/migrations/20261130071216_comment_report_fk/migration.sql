-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ReportRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
