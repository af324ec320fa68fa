-- The customer's first name moves from InsertEvaluation (read from raw webhook bodies) to Order, where the
-- intake normalizes it from every orders/* payload; Job gets the order it concerns, so customers/redact can
-- cancel work for guest orders too. Generated with `prisma migrate diff`; the InsertEvaluation column is
-- dropped with DROP COLUMN (SQLite >= 3.35) instead of Prisma's table redefinition, so a column another
-- migration adds to that table is never lost, and the names are copied over first.

-- AlterTable
ALTER TABLE "Job" ADD COLUMN "orderGid" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "customerFirstName" TEXT;

-- Backfill: the name an evaluation kept, else the newest readable orders/* body (customer, billing, shipping).
UPDATE "Order" SET "customerFirstName" = (
  SELECT e."customerFirstName" FROM "InsertEvaluation" e WHERE e."shop" = "Order"."shop" AND e."orderGid" = "Order"."orderGid"
);
UPDATE "Order" SET "customerFirstName" = (
  SELECT substr(trim(COALESCE(
      NULLIF(trim(json_extract(d."body", '$.customer.first_name')), ''),
      NULLIF(trim(json_extract(d."body", '$.billing_address.first_name')), ''),
      NULLIF(trim(json_extract(d."body", '$.shipping_address.first_name')), ''))), 1, 80)
  FROM "WebhookDelivery" d
  WHERE d."shop" = "Order"."shop" AND d."orderGid" = "Order"."orderGid" AND d."topic" LIKE 'orders/%' AND json_valid(d."body")
  ORDER BY d."receivedAt" DESC LIMIT 1
) WHERE "customerFirstName" IS NULL;

-- Backfill: the order of the jobs that can still run (webhook deliveries, insert jobs).
UPDATE "Job" SET "orderGid" = (SELECT d."orderGid" FROM "WebhookDelivery" d WHERE d."id" = "Job"."deliveryId")
  WHERE "deliveryId" IS NOT NULL AND "status" IN ('pending', 'running', 'dead');
UPDATE "Job" SET "orderGid" = json_extract("payload", '$.orderGid')
  WHERE "orderGid" IS NULL AND "type" LIKE 'inserts.%' AND json_valid("payload") AND "status" IN ('pending', 'running', 'dead');

-- AlterTable
ALTER TABLE "InsertEvaluation" DROP COLUMN "customerFirstName";
