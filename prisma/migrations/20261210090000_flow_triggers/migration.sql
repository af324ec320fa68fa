-- Shopify Flow: which of Kept's triggers each shop's enabled workflows use (the lifecycle callback).
-- CreateTable
CREATE TABLE "FlowTriggerUse" (
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "enabledSince" DATETIME,
    "changedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "trigger")
);

