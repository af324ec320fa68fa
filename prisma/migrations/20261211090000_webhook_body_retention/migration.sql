-- When a webhook body was emptied after WEBHOOK_BODY_RETENTION_DAYS (the delivery row and its metadata stay).
ALTER TABLE "WebhookDelivery" ADD COLUMN "bodyPrunedAt" DATETIME;
