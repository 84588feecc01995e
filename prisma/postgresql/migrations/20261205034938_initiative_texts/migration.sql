-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "texts" TEXT NOT NULL DEFAULT '{}';
