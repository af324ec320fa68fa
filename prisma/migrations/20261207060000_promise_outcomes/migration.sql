
-- CreateTable
CREATE TABLE "PromiseOutcome" (
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "daysEarly" INTEGER,
    "lateCause" TEXT,
    "risk" TEXT,
    "reason" TEXT,
    "arrivalKind" TEXT NOT NULL DEFAULT 'none',
    "arrivalAt" DATETIME,
    "arrivalBy" TEXT,
    "arrivalHow" TEXT,
    "arrivalDate" TEXT,
    "parcels" INTEGER NOT NULL DEFAULT 0,
    "shipped" TEXT NOT NULL DEFAULT 'none',
    "shippedAt" DATETIME,
    "transitHours" REAL,
    "laneKey" TEXT,
    "promisedDate" TEXT,
    "destinationZone" TEXT NOT NULL,
    "orderedAt" DATETIME NOT NULL,
    "nextCheckAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "orderGid"),
    CONSTRAINT "PromiseOutcome_shop_orderGid_fkey" FOREIGN KEY ("shop", "orderGid") REFERENCES "Order" ("shop", "orderGid") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PromiseOutcome_nextCheckAt_idx" ON "PromiseOutcome"("nextCheckAt");

-- CreateIndex
CREATE INDEX "PromiseOutcome_shop_orderedAt_idx" ON "PromiseOutcome"("shop", "orderedAt");

-- CreateIndex
CREATE INDEX "PromiseOutcome_shop_laneKey_arrivalKind_arrivalAt_idx" ON "PromiseOutcome"("shop", "laneKey", "arrivalKind", "arrivalAt");

-- CreateIndex
CREATE INDEX "PromiseOutcome_shop_verdict_promisedDate_idx" ON "PromiseOutcome"("shop", "verdict", "promisedDate");

