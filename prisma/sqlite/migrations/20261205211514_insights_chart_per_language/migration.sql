-- CreateTable
CREATE TABLE "InsightsChart" (
    "snapshotId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    PRIMARY KEY ("snapshotId", "language"),
    CONSTRAINT "InsightsChart_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "InsightsSnapshot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The charts already uploaded were drawn in English: kept, so they are still deleted from Slack when retired.
INSERT INTO "InsightsChart" ("snapshotId", "language", "fileId") SELECT "id", 'en', "chartFileId" FROM "InsightsSnapshot" WHERE "chartFileId" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InsightsSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "figures" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "InsightsSnapshot_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InsightsSnapshot" ("createdAt", "day", "figures", "id", "initiativeId") SELECT "createdAt", "day", "figures", "id", "initiativeId" FROM "InsightsSnapshot";
DROP TABLE "InsightsSnapshot";
ALTER TABLE "new_InsightsSnapshot" RENAME TO "InsightsSnapshot";
CREATE UNIQUE INDEX "InsightsSnapshot_initiativeId_day_key" ON "InsightsSnapshot"("initiativeId", "day");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
