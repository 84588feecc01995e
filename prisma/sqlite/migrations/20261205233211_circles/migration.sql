-- AlterTable
ALTER TABLE "Report" ADD COLUMN "aboutPseudonym" TEXT;
ALTER TABLE "Report" ADD COLUMN "circleId" TEXT;

-- CreateTable
CREATE TABLE "Circle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "topicId" TEXT,
    "description" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "cadence" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "localTime" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "firstSessionAt" DATETIME NOT NULL,
    "prompt" TEXT NOT NULL,
    "guidelines" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    CONSTRAINT "Circle_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Circle_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "InitiativeTopic" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CircleMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "circleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "channel" TEXT,
    "threadTs" TEXT,
    "revealed" BOOLEAN NOT NULL DEFAULT false,
    "pausedUntil" DATETIME,
    "crisisNotedAt" DATETIME,
    "joinedAt" DATETIME NOT NULL,
    CONSTRAINT "CircleMember_circleId_fkey" FOREIGN KEY ("circleId") REFERENCES "Circle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CircleRelayed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "circleId" TEXT NOT NULL,
    "fromMemberId" TEXT NOT NULL,
    "sourceTs" TEXT NOT NULL,
    "toMemberId" TEXT NOT NULL,
    "mirrorTs" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CircleRelayed_fromMemberId_fkey" FOREIGN KEY ("fromMemberId") REFERENCES "CircleMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CircleRelayed_toMemberId_fkey" FOREIGN KEY ("toMemberId") REFERENCES "CircleMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CircleSession" (
    "circleId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "heldAt" DATETIME NOT NULL,

    PRIMARY KEY ("circleId", "sequence"),
    CONSTRAINT "CircleSession_circleId_fkey" FOREIGN KEY ("circleId") REFERENCES "Circle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "facilitator" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ListenerProfile_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ListenerProfile" ("approvedAt", "capacity", "createdAt", "id", "initiativeId", "intro", "languages", "lastOfferAt", "pauseReason", "pausedAt", "pausedUntil", "quietHoursEnd", "quietHoursStart", "reservedSlots", "status", "timezone", "unansweredOffers", "updatedAt", "userId", "workDays", "workEnd", "workStart") SELECT "approvedAt", "capacity", "createdAt", "id", "initiativeId", "intro", "languages", "lastOfferAt", "pauseReason", "pausedAt", "pausedUntil", "quietHoursEnd", "quietHoursStart", "reservedSlots", "status", "timezone", "unansweredOffers", "updatedAt", "userId", "workDays", "workEnd", "workStart" FROM "ListenerProfile";
DROP TABLE "ListenerProfile";
ALTER TABLE "new_ListenerProfile" RENAME TO "ListenerProfile";
CREATE INDEX "ListenerProfile_userId_idx" ON "ListenerProfile"("userId");
CREATE INDEX "ListenerProfile_initiativeId_status_idx" ON "ListenerProfile"("initiativeId", "status");
CREATE UNIQUE INDEX "ListenerProfile_initiativeId_userId_key" ON "ListenerProfile"("initiativeId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Circle_initiativeId_status_idx" ON "Circle"("initiativeId", "status");

-- CreateIndex
CREATE INDEX "CircleMember_userId_idx" ON "CircleMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CircleMember_circleId_userId_key" ON "CircleMember"("circleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CircleMember_circleId_pseudonym_key" ON "CircleMember"("circleId", "pseudonym");

-- CreateIndex
CREATE INDEX "CircleRelayed_toMemberId_mirrorTs_idx" ON "CircleRelayed"("toMemberId", "mirrorTs");

-- CreateIndex
CREATE UNIQUE INDEX "CircleRelayed_fromMemberId_sourceTs_toMemberId_key" ON "CircleRelayed"("fromMemberId", "sourceTs", "toMemberId");
