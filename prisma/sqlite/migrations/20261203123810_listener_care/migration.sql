-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "channel" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "messageTs" TEXT;

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "pairingId" TEXT,
    "reporterId" TEXT NOT NULL,
    "reporterSide" TEXT NOT NULL,
    "reporterPseudonym" TEXT NOT NULL,
    "aboutListenerUserId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "repliedAt" DATETIME,
    CONSTRAINT "Report_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "reviewAfterWeeks" INTEGER NOT NULL DEFAULT 6,
    "crisisWords" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Initiative_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Initiative" ("approvalRequired", "checkInEveryDays", "createdAt", "crisisWords", "description", "firstCheckInDays", "guidelines", "id", "minGroupSize", "name", "offerTimeoutHours", "resources", "retentionDays", "updatedAt", "waitingUpdateEveryDays", "workspaceId") SELECT "approvalRequired", "checkInEveryDays", "createdAt", "crisisWords", "description", "firstCheckInDays", "guidelines", "id", "minGroupSize", "name", "offerTimeoutHours", "resources", "retentionDays", "updatedAt", "waitingUpdateEveryDays", "workspaceId" FROM "Initiative";
DROP TABLE "Initiative";
ALTER TABLE "new_Initiative" RENAME TO "Initiative";
CREATE INDEX "Initiative_workspaceId_idx" ON "Initiative"("workspaceId");
CREATE TABLE "new_ListenerProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "intro" TEXT,
    "languages" TEXT NOT NULL,
    "quietHoursStart" TEXT,
    "quietHoursEnd" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    "pausedAt" DATETIME,
    "timezone" TEXT,
    "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "workStart" TEXT NOT NULL DEFAULT '09:00',
    "workEnd" TEXT NOT NULL DEFAULT '18:00',
    "pausedUntil" DATETIME,
    "pauseReason" TEXT,
    "unansweredOffers" INTEGER NOT NULL DEFAULT 0,
    "reservedSlots" INTEGER NOT NULL DEFAULT 0,
    "lastOfferAt" DATETIME,
    CONSTRAINT "ListenerProfile_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ListenerProfile" ("approvedAt", "capacity", "createdAt", "id", "initiativeId", "intro", "languages", "lastOfferAt", "pausedAt", "quietHoursEnd", "quietHoursStart", "reservedSlots", "status", "timezone", "updatedAt", "userId") SELECT "approvedAt", "capacity", "createdAt", "id", "initiativeId", "intro", "languages", "lastOfferAt", "pausedAt", "quietHoursEnd", "quietHoursStart", "reservedSlots", "status", "timezone", "updatedAt", "userId" FROM "ListenerProfile";
DROP TABLE "ListenerProfile";
ALTER TABLE "new_ListenerProfile" RENAME TO "ListenerProfile";
CREATE INDEX "ListenerProfile_userId_idx" ON "ListenerProfile"("userId");
CREATE INDEX "ListenerProfile_initiativeId_status_idx" ON "ListenerProfile"("initiativeId", "status");
CREATE UNIQUE INDEX "ListenerProfile_initiativeId_userId_key" ON "ListenerProfile"("initiativeId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Report_initiativeId_createdAt_idx" ON "Report"("initiativeId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_reporterId_idx" ON "Report"("reporterId");

-- Data: listener check-ins become one per listener (subject: the listener profile), whatever their
-- number of conversations. Each listener with scheduled per-conversation check-ins gets one, due when
-- the earliest of them was, and the per-conversation ones are cancelled.
INSERT INTO "CheckIn" ("id", "initiativeId", "kind", "subjectId", "pairingId", "recipientId", "sequence", "dueAt", "deliverAt", "status", "attempts")
SELECT 'migrated-' || p."listenerId", c."initiativeId", 'listener', p."listenerId", NULL, c."recipientId", 1, MIN(c."dueAt"), MIN(c."dueAt"), 'scheduled', 0
FROM "CheckIn" c JOIN "Pairing" p ON p."id" = c."pairingId"
WHERE c."kind" = 'listener' AND c."status" = 'scheduled'
GROUP BY p."listenerId", c."initiativeId", c."recipientId";

UPDATE "CheckIn" SET "status" = 'cancelled' WHERE "kind" = 'listener' AND "status" = 'scheduled' AND "pairingId" IS NOT NULL;
