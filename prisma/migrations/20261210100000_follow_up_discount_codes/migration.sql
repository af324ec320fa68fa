-- An apology's personal discount code on its FollowUp row (docs/follow-ups.md, "Codes in apologies").
-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "discountCode" TEXT;
ALTER TABLE "FollowUp" ADD COLUMN "discountError" TEXT;
ALTER TABLE "FollowUp" ADD COLUMN "discountExpiresAt" DATETIME;
ALTER TABLE "FollowUp" ADD COLUMN "discountGid" TEXT;
ALTER TABLE "FollowUp" ADD COLUMN "discountStatus" TEXT;

