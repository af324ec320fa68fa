import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { isGidOf } from "~/domain/shopify/gid";
import { previewFollowUp, sendTestFollowUp } from "~/services/follow-ups/follow-up-preview.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { readJsonField } from "~/utils/form-json";

const orderGid = z.string().refine((value) => isGidOf("Order", value), "Choose one of the orders");

const formSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), orderGid: orderGid, locale: z.string().max(16).optional() }),
  z.object({
    intent: z.literal("send-test"),
    orderGid: orderGid,
    locale: z.string().max(16).optional(),
    to: z.string().trim().email("Write the address the test should go to"),
  }),
]);

/** The editor's preview of an unsaved follow-up rule for one order, and "send a test to me". */
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  const field = readJsonField(form, "document");
  const parsed = formSchema.safeParse(Object.fromEntries(form));
  if (!field.ok || !parsed.success) {
    const message = parsed.success ? "The rule could not be read. Reload the page." : (parsed.error.issues[0]?.message ?? "That request was not understood.");
    return data({ intent: "error" as const, ok: false as const, message }, { status: 400 });
  }
  const request_ = { document: field.value, orderGid: parsed.data.orderGid, locale: parsed.data.locale || null };
  if (parsed.data.intent === "preview") {
    const preview = await previewFollowUp(shop, request_);
    return data({ intent: "preview" as const, ...preview }, { status: preview.ok ? 200 : 400 });
  }
  const sent = await sendTestFollowUp(shop, request_, parsed.data.to);
  return data({ intent: "send-test" as const, ...sent }, { status: sent.ok ? 200 : 400 });
}
