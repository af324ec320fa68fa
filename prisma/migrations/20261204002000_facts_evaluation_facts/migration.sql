-- AlterTable
ALTER TABLE "InsertEvaluation" ADD COLUMN "facts" TEXT;

