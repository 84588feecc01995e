-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "PersonPreference" ADD COLUMN     "language" TEXT;
