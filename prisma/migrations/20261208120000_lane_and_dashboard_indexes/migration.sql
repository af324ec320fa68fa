-- Covering indexes for the admin's pages at 100,000 orders (npm run bench:dashboard, docs/outcomes.md "Speed"):
-- the Observed lanes page counts every order's lane and delivery state from Order and Fulfillment indexes
-- alone, reads a lane's newest orders first and an order's lane by its id (models/promise/lane-stats.server.ts);
-- the home page counts a period's due promises by lane and cause from one PromiseOutcome index range
-- (models/outcomes/outcome-summary.server.ts). The two replaced indexes are prefixes of their replacements.
-- DropIndex
DROP INDEX "Fulfillment_shop_orderGid_idx";

-- DropIndex
DROP INDEX "PromiseOutcome_shop_verdict_promisedDate_idx";

-- CreateIndex
CREATE INDEX "Order_shop_shippingMethod_shipCountry_createdAtShopify_orderGid_cancelledAt_idx" ON "Order"("shop", "shippingMethod", "shipCountry", "createdAtShopify", "orderGid", "cancelledAt");

-- CreateIndex
CREATE INDEX "Order_shop_orderGid_cancelledAt_shippingMethod_shipCountry_idx" ON "Order"("shop", "orderGid", "cancelledAt", "shippingMethod", "shipCountry");

-- CreateIndex
CREATE INDEX "Fulfillment_shop_orderGid_deliveredAt_idx" ON "Fulfillment"("shop", "orderGid", "deliveredAt");

-- CreateIndex
CREATE INDEX "PromiseOutcome_shop_verdict_promisedDate_laneKey_lateCause_daysEarly_idx" ON "PromiseOutcome"("shop", "verdict", "promisedDate", "laneKey", "lateCause", "daysEarly");

