-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "reviewAfterWeeks" INTEGER NOT NULL DEFAULT 6;

-- AlterTable
ALTER TABLE "ListenerProfile" ADD COLUMN     "pauseReason" TEXT,
ADD COLUMN     "pausedUntil" TIMESTAMP(3),
ADD COLUMN     "unansweredOffers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
ADD COLUMN     "workEnd" TEXT NOT NULL DEFAULT '18:00',
ADD COLUMN     "workStart" TEXT NOT NULL DEFAULT '09:00';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "channel" TEXT,
ADD COLUMN     "messageTs" TEXT;

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "pairingId" TEXT,
    "reporterId" TEXT NOT NULL,
    "reporterSide" TEXT NOT NULL,
    "reporterPseudonym" TEXT NOT NULL,
    "aboutListenerUserId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "repliedAt" TIMESTAMP(3),

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_initiativeId_createdAt_idx" ON "Report"("initiativeId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_reporterId_idx" ON "Report"("reporterId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: listener check-ins become one per listener (subject: the listener profile), whatever their
-- number of conversations. Each listener with scheduled per-conversation check-ins gets one, due when
-- the earliest of them was, and the per-conversation ones are cancelled.
INSERT INTO "CheckIn" ("id", "initiativeId", "kind", "subjectId", "pairingId", "recipientId", "sequence", "dueAt", "deliverAt", "status", "attempts")
SELECT 'migrated-' || p."listenerId", c."initiativeId", 'listener', p."listenerId", NULL, c."recipientId", 1, MIN(c."dueAt"), MIN(c."dueAt"), 'scheduled', 0
FROM "CheckIn" c JOIN "Pairing" p ON p."id" = c."pairingId"
WHERE c."kind" = 'listener' AND c."status" = 'scheduled'
GROUP BY p."listenerId", c."initiativeId", c."recipientId";

UPDATE "CheckIn" SET "status" = 'cancelled' WHERE "kind" = 'listener' AND "status" = 'scheduled' AND "pairingId" IS NOT NULL;
