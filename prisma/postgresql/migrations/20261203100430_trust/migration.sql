-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "inviteeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT,
    "messageTs" TEXT,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InsightsSnapshot" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "figures" TEXT NOT NULL,
    "chartFileId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InsightsSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Invitation_inviteeId_idx" ON "Invitation"("inviteeId");

-- CreateIndex
CREATE INDEX "Invitation_createdAt_idx" ON "Invitation"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_initiativeId_role_inviteeId_key" ON "Invitation"("initiativeId", "role", "inviteeId");

-- CreateIndex
CREATE UNIQUE INDEX "InsightsSnapshot_initiativeId_day_key" ON "InsightsSnapshot"("initiativeId", "day");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsightsSnapshot" ADD CONSTRAINT "InsightsSnapshot_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
