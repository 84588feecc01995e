-- CreateTable
CREATE TABLE "InsightsAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "viewerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "InsightsAccess_initiativeId_createdAt_idx" ON "InsightsAccess"("initiativeId", "createdAt");

-- CreateIndex
CREATE INDEX "InsightsAccess_viewerId_idx" ON "InsightsAccess"("viewerId");
