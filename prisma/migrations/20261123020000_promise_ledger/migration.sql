-- CreateTable
CREATE TABLE "PromiseSettingsVersion" (
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "effectiveFrom" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "version")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DeliveryPromise" (
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'promised',
    "noPromiseReason" TEXT,
    "laneKey" TEXT,
    "laneLabel" TEXT,
    "shipBy" TEXT,
    "rawEarliest" TEXT,
    "rawLatest" TEXT,
    "promisedDate" TEXT,
    "paddingDays" INTEGER,
    "settingsVersion" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '[]',
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "orderGid")
);
INSERT INTO "new_DeliveryPromise" ("computedAt", "laneKey", "orderGid", "paddingDays", "promisedDate", "rawEarliest", "rawLatest", "settingsVersion", "shipBy", "shop") SELECT "computedAt", "laneKey", "orderGid", "paddingDays", "promisedDate", "rawEarliest", "rawLatest", "settingsVersion", "shipBy", "shop" FROM "DeliveryPromise";
DROP TABLE "DeliveryPromise";
ALTER TABLE "new_DeliveryPromise" RENAME TO "DeliveryPromise";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PromiseSettingsVersion_shop_effectiveFrom_idx" ON "PromiseSettingsVersion"("shop", "effectiveFrom");

