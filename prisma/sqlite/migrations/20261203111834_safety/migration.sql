-- AlterTable
ALTER TABLE "SupportRequest" ADD COLUMN "waitingChannel" TEXT;
ALTER TABLE "SupportRequest" ADD COLUMN "waitingMessageTs" TEXT;

-- CreateTable
CREATE TABLE "PersonPreference" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "previews" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

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
    "crisisWords" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Initiative_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Initiative" ("approvalRequired", "checkInEveryDays", "createdAt", "crisisWords", "description", "firstCheckInDays", "guidelines", "id", "minGroupSize", "name", "offerTimeoutHours", "resources", "retentionDays", "updatedAt", "workspaceId") SELECT "approvalRequired", "checkInEveryDays", "createdAt", "crisisWords", "description", "firstCheckInDays", "guidelines", "id", "minGroupSize", "name", "offerTimeoutHours", "resources", "retentionDays", "updatedAt", "workspaceId" FROM "Initiative";
DROP TABLE "Initiative";
ALTER TABLE "new_Initiative" RENAME TO "Initiative";
CREATE INDEX "Initiative_workspaceId_idx" ON "Initiative"("workspaceId");
CREATE TABLE "new_Pairing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "listenerId" TEXT NOT NULL,
    "seekerId" TEXT NOT NULL,
    "listenerUserId" TEXT NOT NULL,
    "seekerPseudonym" TEXT NOT NULL,
    "listenerPseudonym" TEXT NOT NULL,
    "seekerChannel" TEXT NOT NULL,
    "listenerChannel" TEXT NOT NULL,
    "seekerThreadTs" TEXT,
    "listenerThreadTs" TEXT,
    "status" TEXT NOT NULL,
    "seekerRevealed" BOOLEAN NOT NULL DEFAULT false,
    "listenerRevealed" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endedBy" TEXT,
    "endReason" TEXT,
    "crisisNotedAt" DATETIME,
    "feedbackGiven" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Pairing_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Pairing_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "ListenerProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Pairing" ("endReason", "endedAt", "endedBy", "id", "listenerChannel", "listenerId", "listenerPseudonym", "listenerRevealed", "listenerThreadTs", "listenerUserId", "requestId", "seekerChannel", "seekerId", "seekerPseudonym", "seekerRevealed", "seekerThreadTs", "startedAt", "status") SELECT "endReason", "endedAt", "endedBy", "id", "listenerChannel", "listenerId", "listenerPseudonym", "listenerRevealed", "listenerThreadTs", "listenerUserId", "requestId", "seekerChannel", "seekerId", "seekerPseudonym", "seekerRevealed", "seekerThreadTs", "startedAt", "status" FROM "Pairing";
DROP TABLE "Pairing";
ALTER TABLE "new_Pairing" RENAME TO "Pairing";
CREATE INDEX "Pairing_status_idx" ON "Pairing"("status");
CREATE INDEX "Pairing_seekerId_status_idx" ON "Pairing"("seekerId", "status");
CREATE INDEX "Pairing_listenerUserId_status_idx" ON "Pairing"("listenerUserId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
