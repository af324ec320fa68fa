import prisma from "~/models/db/prisma.server";

const TABLES = ["Job", "WebhookDelivery", "Order", "Fulfillment", "DeliveryEvent", "DeliveryPromise", "InsertSettings", "InsertRule", "InsertRuleVersion", "InsertTemplate", "InsertTemplateVersion", "InsertEvaluation", "InsertAssignment", "FollowUp", "DataRequestExport", "PromiseSettingsVersion", "ShippingSnapshot", "Session", "Shop"];

/** Empties every table of this test file's own SQLite database. */
export async function resetDatabase() {
  for (const table of TABLES) await prisma.$executeRawUnsafe(`DELETE FROM "${table}"`);
}
