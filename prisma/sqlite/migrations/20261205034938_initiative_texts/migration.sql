-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Initiative" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "resources" TEXT NOT NULL,
    "guidelines" TEXT NOT NULL,
    "approvalRequired" BOOLEAN NOT NULL DEFAULT true,
    "minGroupSize" INTEGER NOT NULL DEFAULT 5,
    "retentionDays" INTEGER NOT NULL DEFAULT 90,
    "firstCheckInDays" INTEGER NOT NULL DEFAULT 7,
    "checkInEveryDays" INTEGER NOT NULL DEFAULT 14,
    "waitingUpdateEveryDays" INTEGER NOT NULL DEFAULT 3,
    "offerTimeoutHours" INTEGER NOT NULL DEFAULT 4,
    "reviewAfterWeeks" INTEGER NOT NULL DEFAULT 6,
    "crisisWords" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en',
    "texts" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Initiative_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Initiative" ("approvalRequired", "checkInEveryDays", "createdAt", "crisisWords", "description", "firstCheckInDays", "guidelines", "id", "language", "minGroupSize", "name", "offerTimeoutHours", "resources", "retentionDays", "reviewAfterWeeks", "updatedAt", "waitingUpdateEveryDays", "workspaceId") SELECT "approvalRequired", "checkInEveryDays", "createdAt", "crisisWords", "description", "firstCheckInDays", "guidelines", "id", "language", "minGroupSize", "name", "offerTimeoutHours", "resources", "retentionDays", "reviewAfterWeeks", "updatedAt", "waitingUpdateEveryDays", "workspaceId" FROM "Initiative";
DROP TABLE "Initiative";
ALTER TABLE "new_Initiative" RENAME TO "Initiative";
CREATE INDEX "Initiative_workspaceId_idx" ON "Initiative"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
