-- CreateTable
CREATE TABLE "InsightsChart" (
    "snapshotId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    CONSTRAINT "InsightsChart_pkey" PRIMARY KEY ("snapshotId","language")
);

-- AddForeignKey
ALTER TABLE "InsightsChart" ADD CONSTRAINT "InsightsChart_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "InsightsSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The charts already uploaded were drawn in English: kept, so they are still deleted from Slack when retired.
INSERT INTO "InsightsChart" ("snapshotId", "language", "fileId") SELECT "id", 'en', "chartFileId" FROM "InsightsSnapshot" WHERE "chartFileId" IS NOT NULL;

-- AlterTable
ALTER TABLE "InsightsSnapshot" DROP COLUMN "chartFileId";
