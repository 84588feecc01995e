-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "inviteeId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "channel" TEXT,
    "messageTs" TEXT,
    CONSTRAINT "Invitation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InsightsSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "figures" TEXT NOT NULL,
    "chartFileId" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "InsightsSnapshot_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Invitation_inviteeId_idx" ON "Invitation"("inviteeId");

-- CreateIndex
CREATE INDEX "Invitation_createdAt_idx" ON "Invitation"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_initiativeId_role_inviteeId_key" ON "Invitation"("initiativeId", "role", "inviteeId");

-- CreateIndex
CREATE UNIQUE INDEX "InsightsSnapshot_initiativeId_day_key" ON "InsightsSnapshot"("initiativeId", "day");
