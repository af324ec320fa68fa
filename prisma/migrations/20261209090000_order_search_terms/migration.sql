-- The Orders search by words (model OrderSearchTerm): one index range per search word instead of a LIKE over
-- every order's text.
CREATE TABLE "OrderSearchTerm" (
    "shop" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "customer" BOOLEAN NOT NULL,

    PRIMARY KEY ("shop", "term", "orderGid"),
    CONSTRAINT "OrderSearchTerm_shop_orderGid_fkey" FOREIGN KEY ("shop", "orderGid") REFERENCES "Order" ("shop", "orderGid") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "OrderSearchTerm_shop_orderGid_idx" ON "OrderSearchTerm"("shop", "orderGid");

-- Orders stored before: their number without "#", and each word of the lower-cased name and email they were
-- searched by (customerSearch, already folded in full Unicode), with an email's domain. Orders stored from
-- now on get their terms from domain/orders/search-terms.ts.
INSERT OR IGNORE INTO "OrderSearchTerm" ("shop", "term", "orderGid", "customer")
SELECT "shop", lower(ltrim("name", '#')), "orderGid", false FROM "Order" WHERE ltrim("name", '#') <> '';

WITH RECURSIVE "word"("shop", "orderGid", "word", "rest") AS (
    SELECT "shop", "orderGid", '', trim("customerSearch") || ' ' FROM "Order" WHERE "customerSearch" IS NOT NULL
    UNION ALL
    SELECT "shop", "orderGid", substr("rest", 1, instr("rest", ' ') - 1), ltrim(substr("rest", instr("rest", ' ') + 1))
    FROM "word" WHERE "rest" <> ''
)
INSERT OR IGNORE INTO "OrderSearchTerm" ("shop", "term", "orderGid", "customer")
SELECT "shop", "word", "orderGid", true FROM "word" WHERE "word" <> ''
UNION
SELECT "shop", substr("word", instr("word", '@') + 1), "orderGid", true FROM "word" WHERE instr("word", '@') > 1 AND substr("word", instr("word", '@') + 1) <> '';

ALTER TABLE "Order" DROP COLUMN "customerSearch";
