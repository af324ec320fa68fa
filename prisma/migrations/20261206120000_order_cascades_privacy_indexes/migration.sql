-- Rows that belong to another are erased with it (an order's promise, insert evaluation, assignments and
-- follow-ups; a rule's and a template's versions); indexes for the privacy requests' customerGid and
-- orderGid lookups; InsertAssignment's (shop, orderGid) index is dropped: its unique key leads with those columns.

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
    "shownAtCheckout" BOOLEAN,
    "reason" TEXT NOT NULL DEFAULT '[]',
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "orderGid"),
    CONSTRAINT "DeliveryPromise_shop_orderGid_fkey" FOREIGN KEY ("shop", "orderGid") REFERENCES "Order" ("shop", "orderGid") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DeliveryPromise" ("computedAt", "laneKey", "laneLabel", "noPromiseReason", "orderGid", "paddingDays", "promisedDate", "rawEarliest", "rawLatest", "reason", "settingsVersion", "shipBy", "shop", "shownAtCheckout", "status") SELECT "computedAt", "laneKey", "laneLabel", "noPromiseReason", "orderGid", "paddingDays", "promisedDate", "rawEarliest", "rawLatest", "reason", "settingsVersion", "shipBy", "shop", "shownAtCheckout", "status" FROM "DeliveryPromise";
DROP TABLE "DeliveryPromise";
ALTER TABLE "new_DeliveryPromise" RENAME TO "DeliveryPromise";
CREATE TABLE "new_InsertRuleVersion" (
    "shop" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "ruleId", "version"),
    CONSTRAINT "InsertRuleVersion_shop_ruleId_fkey" FOREIGN KEY ("shop", "ruleId") REFERENCES "InsertRule" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InsertRuleVersion" ("createdAt", "document", "ruleId", "shop", "version") SELECT "createdAt", "document", "ruleId", "shop", "version" FROM "InsertRuleVersion";
DROP TABLE "InsertRuleVersion";
ALTER TABLE "new_InsertRuleVersion" RENAME TO "InsertRuleVersion";
CREATE TABLE "new_InsertTemplateVersion" (
    "shop" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "templateId", "version"),
    CONSTRAINT "InsertTemplateVersion_shop_templateId_fkey" FOREIGN KEY ("shop", "templateId") REFERENCES "InsertTemplate" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InsertTemplateVersion" ("createdAt", "document", "shop", "templateId", "version") SELECT "createdAt", "document", "shop", "templateId", "version" FROM "InsertTemplateVersion";
DROP TABLE "InsertTemplateVersion";
ALTER TABLE "new_InsertTemplateVersion" RENAME TO "InsertTemplateVersion";
CREATE TABLE "new_InsertEvaluation" (
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "evaluatedFor" DATETIME NOT NULL,
    "evaluatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ruleVersions" TEXT NOT NULL DEFAULT '{}',
    "packingPlan" TEXT NOT NULL DEFAULT '',
    "skipped" TEXT NOT NULL DEFAULT '[]',
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "printedAt" DATETIME,
    "facts" TEXT,

    PRIMARY KEY ("shop", "orderGid"),
    CONSTRAINT "InsertEvaluation_shop_orderGid_fkey" FOREIGN KEY ("shop", "orderGid") REFERENCES "Order" ("shop", "orderGid") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InsertEvaluation" ("evaluatedAt", "evaluatedFor", "facts", "orderGid", "packingPlan", "printedAt", "ruleVersions", "shop", "skipped", "warnings") SELECT "evaluatedAt", "evaluatedFor", "facts", "orderGid", "packingPlan", "printedAt", "ruleVersions", "shop", "skipped", "warnings" FROM "InsertEvaluation";
DROP TABLE "InsertEvaluation";
ALTER TABLE "new_InsertEvaluation" RENAME TO "InsertEvaluation";
CREATE INDEX "InsertEvaluation_shop_printedAt_idx" ON "InsertEvaluation"("shop", "printedAt");
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
    "discountError" TEXT,
    "printedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InsertAssignment_shop_orderGid_fkey" FOREIGN KEY ("shop", "orderGid") REFERENCES "InsertEvaluation" ("shop", "orderGid") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InsertAssignment" ("createdAt", "discountCode", "discountError", "discountExpiresAt", "discountGid", "discountStatus", "holdout", "id", "itemLabel", "orderGid", "printedAt", "reasons", "ruleId", "ruleVersion", "shop", "templateId", "templateVersion") SELECT "createdAt", "discountCode", "discountError", "discountExpiresAt", "discountGid", "discountStatus", "holdout", "id", "itemLabel", "orderGid", "printedAt", "reasons", "ruleId", "ruleVersion", "shop", "templateId", "templateVersion" FROM "InsertAssignment";
DROP TABLE "InsertAssignment";
ALTER TABLE "new_InsertAssignment" RENAME TO "InsertAssignment";
CREATE INDEX "InsertAssignment_shop_ruleId_idx" ON "InsertAssignment"("shop", "ruleId");
CREATE UNIQUE INDEX "InsertAssignment_shop_orderGid_ruleId_key" ON "InsertAssignment"("shop", "orderGid", "ruleId");
CREATE TABLE "new_FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "customerGid" TEXT,
    "kind" TEXT NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUp_shop_orderGid_fkey" FOREIGN KEY ("shop", "orderGid") REFERENCES "Order" ("shop", "orderGid") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FollowUp" ("createdAt", "customerGid", "id", "kind", "orderGid", "sendAt", "sentAt", "shop", "status") SELECT "createdAt", "customerGid", "id", "kind", "orderGid", "sendAt", "sentAt", "shop", "status" FROM "FollowUp";
DROP TABLE "FollowUp";
ALTER TABLE "new_FollowUp" RENAME TO "FollowUp";
CREATE INDEX "FollowUp_shop_status_sendAt_idx" ON "FollowUp"("shop", "status", "sendAt");
CREATE INDEX "FollowUp_shop_customerGid_idx" ON "FollowUp"("shop", "customerGid");
CREATE UNIQUE INDEX "FollowUp_shop_orderGid_kind_key" ON "FollowUp"("shop", "orderGid", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_customerGid_idx" ON "WebhookDelivery"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "Job_shop_customerGid_idx" ON "Job"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "Job_shop_orderGid_idx" ON "Job"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "DataRequestExport_shop_customerGid_idx" ON "DataRequestExport"("shop", "customerGid");

