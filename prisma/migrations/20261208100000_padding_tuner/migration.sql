-- The padding tuner's state per shop and the log of the paddings it changed (docs/tuner.md).
-- CreateTable
CREATE TABLE "PaddingTuner" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "autoApply" BOOLEAN NOT NULL DEFAULT false,
    "lastRunAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PaddingChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "laneKey" TEXT NOT NULL,
    "laneLabel" TEXT NOT NULL,
    "fromDays" INTEGER NOT NULL,
    "toDays" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "appliedBy" TEXT NOT NULL,
    "expectedBefore" REAL,
    "expectedAfter" REAL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" DATETIME,
    "revertVersion" INTEGER
);

-- CreateIndex
CREATE INDEX "PaddingChange_shop_createdAt_idx" ON "PaddingChange"("shop", "createdAt");

