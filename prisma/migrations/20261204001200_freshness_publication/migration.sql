-- AlterTable
ALTER TABLE "DeliveryPromise" ADD COLUMN "shownAtCheckout" BOOLEAN;

-- AlterTable
ALTER TABLE "PromiseSettingsVersion" ADD COLUMN "publishedAt" DATETIME;
