-- AlterTable
ALTER TABLE "ListenerProfile" ADD COLUMN     "facilitator" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "aboutPseudonym" TEXT,
ADD COLUMN     "circleId" TEXT;

-- CreateTable
CREATE TABLE "Circle" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "topicId" TEXT,
    "description" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "cadence" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "localTime" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "firstSessionAt" TIMESTAMP(3) NOT NULL,
    "prompt" TEXT NOT NULL,
    "guidelines" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Circle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircleMember" (
    "id" TEXT NOT NULL,
    "circleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "channel" TEXT,
    "threadTs" TEXT,
    "revealed" BOOLEAN NOT NULL DEFAULT false,
    "pausedUntil" TIMESTAMP(3),
    "crisisNotedAt" TIMESTAMP(3),
    "joinedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CircleMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircleRelayed" (
    "id" TEXT NOT NULL,
    "circleId" TEXT NOT NULL,
    "fromMemberId" TEXT NOT NULL,
    "sourceTs" TEXT NOT NULL,
    "toMemberId" TEXT NOT NULL,
    "mirrorTs" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CircleRelayed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircleSession" (
    "circleId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CircleSession_pkey" PRIMARY KEY ("circleId","sequence")
);

-- CreateIndex
CREATE INDEX "Circle_initiativeId_status_idx" ON "Circle"("initiativeId", "status");

-- CreateIndex
CREATE INDEX "CircleMember_userId_idx" ON "CircleMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CircleMember_circleId_userId_key" ON "CircleMember"("circleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CircleMember_circleId_pseudonym_key" ON "CircleMember"("circleId", "pseudonym");

-- CreateIndex
CREATE INDEX "CircleRelayed_toMemberId_mirrorTs_idx" ON "CircleRelayed"("toMemberId", "mirrorTs");

-- CreateIndex
CREATE UNIQUE INDEX "CircleRelayed_fromMemberId_sourceTs_toMemberId_key" ON "CircleRelayed"("fromMemberId", "sourceTs", "toMemberId");

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "InitiativeTopic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleMember" ADD CONSTRAINT "CircleMember_circleId_fkey" FOREIGN KEY ("circleId") REFERENCES "Circle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleRelayed" ADD CONSTRAINT "CircleRelayed_fromMemberId_fkey" FOREIGN KEY ("fromMemberId") REFERENCES "CircleMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleRelayed" ADD CONSTRAINT "CircleRelayed_toMemberId_fkey" FOREIGN KEY ("toMemberId") REFERENCES "CircleMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleSession" ADD CONSTRAINT "CircleSession_circleId_fkey" FOREIGN KEY ("circleId") REFERENCES "Circle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
