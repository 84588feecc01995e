-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "subjectId" TEXT,
    "args" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deliverAt" TIMESTAMP(3) NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_deliverAt_idx" ON "OutboxMessage"("status", "deliverAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_leaseUntil_idx" ON "OutboxMessage"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "OutboxMessage_recipientId_idx" ON "OutboxMessage"("recipientId");

-- CreateIndex
CREATE INDEX "OutboxMessage_subjectId_idx" ON "OutboxMessage"("subjectId");
