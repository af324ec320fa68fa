-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "scopes" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "apiVersion" TEXT,
    "eventId" TEXT,
    "triggeredAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'received',
    "error" TEXT,
    "resourceGid" TEXT,
    "orderGid" TEXT,
    "customerGid" TEXT,
    "bodyBytes" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "processedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "customerGid" TEXT,
    "deliveryId" TEXT,
    CONSTRAINT "Job_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "legacyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "customerGid" TEXT,
    "customerTags" TEXT NOT NULL DEFAULT '',
    "customerLocale" TEXT,
    "customerOrdersCount" INTEGER,
    "sourceName" TEXT,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL,
    "totalPrice" TEXT NOT NULL,
    "subtotalPrice" TEXT,
    "financialStatus" TEXT,
    "fulfillmentStatus" TEXT,
    "tags" TEXT NOT NULL DEFAULT '',
    "discountCodes" TEXT NOT NULL DEFAULT '[]',
    "shippingMethod" TEXT,
    "shippingCode" TEXT,
    "shippingSource" TEXT,
    "shipCountry" TEXT,
    "shipProvince" TEXT,
    "shipZip" TEXT,
    "shipCity" TEXT,
    "lineCount" INTEGER NOT NULL DEFAULT 0,
    "lines" TEXT NOT NULL DEFAULT '[]',
    "createdAtShopify" DATETIME NOT NULL,
    "updatedAtShopify" DATETIME NOT NULL,
    "processedAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    "closedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "orderGid")
);

-- CreateTable
CREATE TABLE "Fulfillment" (
    "shop" TEXT NOT NULL,
    "fulfillmentGid" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "name" TEXT,
    "status" TEXT,
    "shipmentStatus" TEXT,
    "service" TEXT,
    "trackingCompany" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "locationId" TEXT,
    "lineCount" INTEGER NOT NULL DEFAULT 0,
    "shippedAt" DATETIME,
    "inTransitAt" DATETIME,
    "deliveredAt" DATETIME,
    "carrierEstimateAt" DATETIME,
    "createdAtShopify" DATETIME NOT NULL,
    "updatedAtShopify" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "fulfillmentGid")
);

-- CreateTable
CREATE TABLE "DeliveryEvent" (
    "shop" TEXT NOT NULL,
    "eventGid" TEXT NOT NULL,
    "fulfillmentGid" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "happenedAt" DATETIME NOT NULL,
    "estimatedDeliveryAt" DATETIME,
    "city" TEXT,
    "country" TEXT,
    "zip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "eventGid")
);

-- CreateTable
CREATE TABLE "DeliveryPromise" (
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "laneKey" TEXT NOT NULL,
    "rawEarliest" TEXT NOT NULL,
    "rawLatest" TEXT NOT NULL,
    "shipBy" TEXT NOT NULL,
    "promisedDate" TEXT NOT NULL,
    "paddingDays" INTEGER NOT NULL,
    "settingsVersion" INTEGER NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "orderGid")
);

-- CreateTable
CREATE TABLE "InsertAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "holdout" BOOLEAN NOT NULL DEFAULT false,
    "printedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "customerGid" TEXT,
    "kind" TEXT NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DataRequestExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_receivedAt_idx" ON "WebhookDelivery"("shop", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_status_idx" ON "WebhookDelivery"("shop", "status");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_orderGid_idx" ON "WebhookDelivery"("shop", "orderGid");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_webhookId_key" ON "WebhookDelivery"("shop", "webhookId");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_status_idx" ON "Job"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Job_shop_dedupeKey_key" ON "Job"("shop", "dedupeKey");

-- CreateIndex
CREATE INDEX "Order_shop_createdAtShopify_idx" ON "Order"("shop", "createdAtShopify");

-- CreateIndex
CREATE INDEX "Order_shop_customerGid_idx" ON "Order"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "Fulfillment_shop_orderGid_idx" ON "Fulfillment"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "DeliveryEvent_shop_fulfillmentGid_idx" ON "DeliveryEvent"("shop", "fulfillmentGid");

-- CreateIndex
CREATE INDEX "DeliveryEvent_shop_orderGid_idx" ON "DeliveryEvent"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "InsertAssignment_shop_orderGid_idx" ON "InsertAssignment"("shop", "orderGid");

-- CreateIndex
CREATE UNIQUE INDEX "InsertAssignment_shop_orderGid_ruleId_key" ON "InsertAssignment"("shop", "orderGid", "ruleId");

-- CreateIndex
CREATE INDEX "FollowUp_shop_status_sendAt_idx" ON "FollowUp"("shop", "status", "sendAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_shop_orderGid_kind_key" ON "FollowUp"("shop", "orderGid", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequestExport_shop_requestId_key" ON "DataRequestExport"("shop", "requestId");

