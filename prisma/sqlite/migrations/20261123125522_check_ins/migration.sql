-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "pairingId" TEXT,
    "requestId" TEXT,
    "recipientId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "deliverAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "channel" TEXT,
    "messageTs" TEXT,
    "answer" TEXT,
    "answeredAt" DATETIME,
    CONSTRAINT "CheckIn_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckIn_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonTimezone" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "timezone" TEXT,
    "fetchedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MatchTime" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "weekStart" DATETIME NOT NULL,
    "minutes" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "CheckIn_status_deliverAt_idx" ON "CheckIn"("status", "deliverAt");

-- CreateIndex
CREATE INDEX "CheckIn_status_leaseUntil_idx" ON "CheckIn"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "CheckIn_recipientId_idx" ON "CheckIn"("recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_subjectId_kind_sequence_key" ON "CheckIn"("subjectId", "kind", "sequence");

-- CreateIndex
CREATE INDEX "MatchTime_initiativeId_weekStart_idx" ON "MatchTime"("initiativeId", "weekStart");
