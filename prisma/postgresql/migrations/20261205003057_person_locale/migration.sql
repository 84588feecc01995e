-- AlterTable
ALTER TABLE "PersonTimezone" ADD COLUMN     "locale" TEXT;
