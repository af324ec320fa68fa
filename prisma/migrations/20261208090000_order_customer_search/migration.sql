-- The customer's full name and the text the Orders search matches (lower-cased name and email).
ALTER TABLE "Order" ADD COLUMN "customerName" TEXT;
ALTER TABLE "Order" ADD COLUMN "customerSearch" TEXT;

-- Orders stored before: the first name is all Kept kept of the name until the next orders/updated; SQLite's
-- lower() folds ASCII only, which the next update of the order corrects.
UPDATE "Order" SET "customerName" = "customerFirstName",
  "customerSearch" = NULLIF(TRIM(LOWER(COALESCE("customerFirstName", '') || ' ' || COALESCE("email", ''))), '');
