-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "crisisWords" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "offerTimeoutHours" INTEGER NOT NULL DEFAULT 4;

-- AlterTable
ALTER TABLE "ListenerProfile" ADD COLUMN     "lastOfferAt" TIMESTAMP(3),
ADD COLUMN     "reservedSlots" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "timezone" TEXT;

-- CreateTable
CREATE TABLE "SupportRequest" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "matchedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "SupportRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "listenerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "channel" TEXT,
    "messageTs" TEXT,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" TEXT NOT NULL,
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
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endedBy" TEXT,
    "endReason" TEXT,

    CONSTRAINT "Pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelayedMessage" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "fromSide" TEXT NOT NULL,
    "sourceTs" TEXT NOT NULL,
    "mirrorTs" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelayedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairBlock" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "seekerId" TEXT NOT NULL,
    "listenerUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairBlock_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportRequest" ADD CONSTRAINT "SupportRequest_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "InitiativeTopic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "ListenerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupportRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "ListenerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelayedMessage" ADD CONSTRAINT "RelayedMessage_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairBlock" ADD CONSTRAINT "PairBlock_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
