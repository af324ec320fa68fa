-- AlterTable
ALTER TABLE "InsertEvaluation" ADD COLUMN "customerFirstName" TEXT;

-- AlterTable
ALTER TABLE "InsertAssignment" ADD COLUMN "discountError" TEXT;

