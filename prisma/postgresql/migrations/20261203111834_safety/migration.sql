-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "waitingUpdateEveryDays" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Pairing" ADD COLUMN     "crisisNotedAt" TIMESTAMP(3),
ADD COLUMN     "feedbackGiven" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SupportRequest" ADD COLUMN     "waitingChannel" TEXT,
ADD COLUMN     "waitingMessageTs" TEXT;

-- CreateTable
CREATE TABLE "PersonPreference" (
    "userId" TEXT NOT NULL,
    "previews" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonPreference_pkey" PRIMARY KEY ("userId")
);
