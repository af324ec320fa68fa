-- CreateTable
CREATE TABLE "InsertSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "maxInsertsPerParcel" INTEGER NOT NULL DEFAULT 3,
    "holdoutSalt" TEXT NOT NULL,
    "fallbackLocale" TEXT NOT NULL DEFAULT 'en',
    "paperSize" TEXT NOT NULL DEFAULT 'A6',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InsertRule" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "document" TEXT NOT NULL,
    "stockLeft" INTEGER,
    "stockOutAt" DATETIME,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "InsertRuleVersion" (
    "shop" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "ruleId", "version")
);

-- CreateTable
CREATE TABLE "InsertTemplate" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "InsertTemplateVersion" (
    "shop" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "templateId", "version")
);

-- CreateTable
CREATE TABLE "InsertEvaluation" (
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "evaluatedFor" DATETIME NOT NULL,
    "evaluatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ruleVersions" TEXT NOT NULL DEFAULT '{}',
    "packingPlan" TEXT NOT NULL DEFAULT '',
    "skipped" TEXT NOT NULL DEFAULT '[]',
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "printedAt" DATETIME,

    PRIMARY KEY ("shop", "orderGid")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InsertAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "holdout" BOOLEAN NOT NULL DEFAULT false,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "templateId" TEXT,
    "templateVersion" INTEGER,
    "itemLabel" TEXT,
    "discountCode" TEXT,
    "discountStatus" TEXT,
    "discountGid" TEXT,
    "discountExpiresAt" DATETIME,
    "printedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_InsertAssignment" ("createdAt", "holdout", "id", "orderGid", "printedAt", "ruleId", "ruleVersion", "shop") SELECT "createdAt", "holdout", "id", "orderGid", "printedAt", "ruleId", "ruleVersion", "shop" FROM "InsertAssignment";
DROP TABLE "InsertAssignment";
ALTER TABLE "new_InsertAssignment" RENAME TO "InsertAssignment";
CREATE INDEX "InsertAssignment_shop_orderGid_idx" ON "InsertAssignment"("shop", "orderGid");
CREATE INDEX "InsertAssignment_shop_ruleId_idx" ON "InsertAssignment"("shop", "ruleId");
CREATE UNIQUE INDEX "InsertAssignment_shop_orderGid_ruleId_key" ON "InsertAssignment"("shop", "orderGid", "ruleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "InsertRule_shop_active_priority_idx" ON "InsertRule"("shop", "active", "priority");

-- CreateIndex
CREATE INDEX "InsertEvaluation_shop_printedAt_idx" ON "InsertEvaluation"("shop", "printedAt");

