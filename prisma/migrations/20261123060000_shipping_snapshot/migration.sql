-- CreateTable
CREATE TABLE "ShippingSnapshot" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "document" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL
);

