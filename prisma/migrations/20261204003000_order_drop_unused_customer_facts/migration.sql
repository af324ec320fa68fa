-- Order.customerTags and Order.customerOrdersCount were last written before insert rules asked Shopify for
-- these facts (InsertEvaluation.facts). DROP COLUMN (SQLite >= 3.35; PostgreSQL the same) rather than
-- Prisma's table redefinition: no other column of "Order" is touched.
ALTER TABLE "Order" DROP COLUMN "customerTags";
ALTER TABLE "Order" DROP COLUMN "customerOrdersCount";
