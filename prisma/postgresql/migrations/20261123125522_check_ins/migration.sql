-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "pairingId" TEXT,
    "requestId" TEXT,
    "recipientId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "deliverAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "channel" TEXT,
    "messageTs" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonTimezone" (
    "userId" TEXT NOT NULL,
    "timezone" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonTimezone_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "MatchTime" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "weekStart" TIMESTAMP(3) NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "MatchTime_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
