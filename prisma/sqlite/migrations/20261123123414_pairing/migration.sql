-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "seekerId" TEXT NOT NULL,
    "seekerPseudonym" TEXT NOT NULL,
    "topicId" TEXT,
    "note" TEXT,
    "language" TEXT,
    "sameTimezone" BOOLEAN NOT NULL DEFAULT false,
    "seekerTimezone" TEXT,
    "status" TEXT NOT NULL,
    "closedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "matchedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "SupportRequest_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupportRequest_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "InitiativeTopic" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "listenerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "offeredAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "respondedAt" DATETIME,
    "channel" TEXT,
    "messageTs" TEXT,
    CONSTRAINT "Offer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Offer_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "ListenerProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pairing" (
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
    CONSTRAINT "Pairing_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Pairing_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "ListenerProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RelayedMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pairingId" TEXT NOT NULL,
    "fromSide" TEXT NOT NULL,
    "sourceTs" TEXT NOT NULL,
    "mirrorTs" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RelayedMessage_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairBlock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "seekerId" TEXT NOT NULL,
    "listenerUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PairBlock_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "offerTimeoutHours" INTEGER NOT NULL DEFAULT 4,
    "crisisWords" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Initiative_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Initiative" ("approvalRequired", "checkInEveryDays", "createdAt", "description", "firstCheckInDays", "guidelines", "id", "minGroupSize", "name", "resources", "retentionDays", "updatedAt", "workspaceId") SELECT "approvalRequired", "checkInEveryDays", "createdAt", "description", "firstCheckInDays", "guidelines", "id", "minGroupSize", "name", "resources", "retentionDays", "updatedAt", "workspaceId" FROM "Initiative";
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
    "reservedSlots" INTEGER NOT NULL DEFAULT 0,
    "lastOfferAt" DATETIME,
    CONSTRAINT "ListenerProfile_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ListenerProfile" ("approvedAt", "capacity", "createdAt", "id", "initiativeId", "intro", "languages", "pausedAt", "quietHoursEnd", "quietHoursStart", "status", "updatedAt", "userId") SELECT "approvedAt", "capacity", "createdAt", "id", "initiativeId", "intro", "languages", "pausedAt", "quietHoursEnd", "quietHoursStart", "status", "updatedAt", "userId" FROM "ListenerProfile";
DROP TABLE "ListenerProfile";
ALTER TABLE "new_ListenerProfile" RENAME TO "ListenerProfile";
CREATE INDEX "ListenerProfile_userId_idx" ON "ListenerProfile"("userId");
CREATE INDEX "ListenerProfile_initiativeId_status_idx" ON "ListenerProfile"("initiativeId", "status");
CREATE UNIQUE INDEX "ListenerProfile_initiativeId_userId_key" ON "ListenerProfile"("initiativeId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SupportRequest_initiativeId_status_idx" ON "SupportRequest"("initiativeId", "status");

-- CreateIndex
CREATE INDEX "SupportRequest_seekerId_idx" ON "SupportRequest"("seekerId");

-- CreateIndex
CREATE INDEX "Offer_requestId_status_idx" ON "Offer"("requestId", "status");

-- CreateIndex
CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Offer_listenerId_status_idx" ON "Offer"("listenerId", "status");

-- CreateIndex
CREATE INDEX "Pairing_status_idx" ON "Pairing"("status");

-- CreateIndex
CREATE INDEX "Pairing_seekerId_status_idx" ON "Pairing"("seekerId", "status");

-- CreateIndex
CREATE INDEX "Pairing_listenerUserId_status_idx" ON "Pairing"("listenerUserId", "status");

-- CreateIndex
CREATE INDEX "RelayedMessage_pairingId_mirrorTs_idx" ON "RelayedMessage"("pairingId", "mirrorTs");

-- CreateIndex
CREATE UNIQUE INDEX "RelayedMessage_pairingId_fromSide_sourceTs_key" ON "RelayedMessage"("pairingId", "fromSide", "sourceTs");

-- CreateIndex
CREATE UNIQUE INDEX "PairBlock_initiativeId_seekerId_listenerUserId_key" ON "PairBlock"("initiativeId", "seekerId", "listenerUserId");
