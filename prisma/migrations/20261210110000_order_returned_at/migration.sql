-- When an order's items came back as a return (follow-ups stop for it).
ALTER TABLE "Order" ADD COLUMN "returnedAt" DATETIME;
