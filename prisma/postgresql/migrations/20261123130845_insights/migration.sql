-- CreateTable
CREATE TABLE "InsightsAccess" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "viewerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InsightsAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InsightsAccess_initiativeId_createdAt_idx" ON "InsightsAccess"("initiativeId", "createdAt");

-- CreateIndex
CREATE INDEX "InsightsAccess_viewerId_idx" ON "InsightsAccess"("viewerId");
