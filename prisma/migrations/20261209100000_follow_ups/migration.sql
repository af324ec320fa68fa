-- Follow-ups: rules, one message per order and rule, suppressions, consent, the shop's sending settings.
-- FollowUp had no writer before this release (the page was a placeholder): it is made anew, empty.
-- AlterTable
ALTER TABLE "Order" ADD COLUMN "acceptsMarketing" BOOLEAN;

-- CreateTable
CREATE TABLE "FollowUpRule" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "document" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "shop" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "email")
);

-- CreateTable
CREATE TABLE "CustomerConsent" (
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "optInLevel" TEXT,
    "consentUpdatedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "customerGid")
);

-- CreateTable
CREATE TABLE "FollowUpSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "senderName" TEXT,
    "senderEmail" TEXT,
    "replyTo" TEXT,
    "strictConsent" BOOLEAN NOT NULL DEFAULT false,
    "marketingCapDays" INTEGER NOT NULL DEFAULT 5,
    "windowStartMinute" INTEGER NOT NULL DEFAULT 540,
    "windowEndMinute" INTEGER NOT NULL DEFAULT 1200,
    "reviewUrlTemplate" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "customerGid" TEXT,
    "ruleId" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "reason" TEXT,
    "sendAt" DATETIME NOT NULL,
    "category" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "toEmail" TEXT,
    "locale" TEXT,
    "subject" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUp_shop_orderGid_fkey" FOREIGN KEY ("shop", "orderGid") REFERENCES "Order" ("shop", "orderGid") ON DELETE CASCADE ON UPDATE CASCADE
);
DROP TABLE "FollowUp";
ALTER TABLE "new_FollowUp" RENAME TO "FollowUp";
CREATE INDEX "FollowUp_status_sendAt_idx" ON "FollowUp"("status", "sendAt");
CREATE INDEX "FollowUp_shop_status_sendAt_idx" ON "FollowUp"("shop", "status", "sendAt");
CREATE INDEX "FollowUp_shop_ruleId_status_idx" ON "FollowUp"("shop", "ruleId", "status");
CREATE INDEX "FollowUp_shop_customerGid_idx" ON "FollowUp"("shop", "customerGid");
CREATE INDEX "FollowUp_shop_toEmail_category_sentAt_idx" ON "FollowUp"("shop", "toEmail", "category", "sentAt");
CREATE UNIQUE INDEX "FollowUp_shop_orderGid_ruleId_key" ON "FollowUp"("shop", "orderGid", "ruleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FollowUpRule_shop_active_idx" ON "FollowUpRule"("shop", "active");

