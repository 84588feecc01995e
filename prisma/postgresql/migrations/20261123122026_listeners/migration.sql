-- CreateTable
CREATE TABLE "ListenerProfile" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "intro" TEXT,
    "languages" TEXT NOT NULL,
    "quietHoursStart" TEXT,
    "quietHoursEnd" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),

    CONSTRAINT "ListenerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListenerTopic" (
    "listenerId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,

    CONSTRAINT "ListenerTopic_pkey" PRIMARY KEY ("listenerId","topicId")
);

-- CreateTable
CREATE TABLE "AnonymousCount" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "weekStart" TIMESTAMP(3) NOT NULL,
    "topicId" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AnonymousCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ListenerProfile_userId_idx" ON "ListenerProfile"("userId");

-- CreateIndex
CREATE INDEX "ListenerProfile_initiativeId_status_idx" ON "ListenerProfile"("initiativeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ListenerProfile_initiativeId_userId_key" ON "ListenerProfile"("initiativeId", "userId");

-- CreateIndex
CREATE INDEX "ListenerTopic_topicId_idx" ON "ListenerTopic"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "AnonymousCount_initiativeId_metric_weekStart_topicId_key" ON "AnonymousCount"("initiativeId", "metric", "weekStart", "topicId");

-- AddForeignKey
ALTER TABLE "ListenerProfile" ADD CONSTRAINT "ListenerProfile_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListenerTopic" ADD CONSTRAINT "ListenerTopic_listenerId_fkey" FOREIGN KEY ("listenerId") REFERENCES "ListenerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListenerTopic" ADD CONSTRAINT "ListenerTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "InitiativeTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnonymousCount" ADD CONSTRAINT "AnonymousCount_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
