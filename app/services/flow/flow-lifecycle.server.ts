import { triggerNamed } from "~/domain/flow/flow-triggers";
import { recordFlowTriggerUse } from "~/models/flow/flow-trigger-use.server";
import { lifecycleCallbackSchema } from "~/schemas/flow/lifecycle-callback";
import { isValidShopDomain, isValidWebhookHmac } from "../intake/verify-webhook.server";

/** A lifecycle callback is a few hundred bytes; anything far larger is not one. */
const MAX_BYTES = 16_384;

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain" } });

/**
 * Flow's trigger lifecycle callback (https://shopify.dev/docs/apps/build/flow/track-lifecycle-events): Flow calls
 * it when a merchant's workflow starts or stops using one of Kept's triggers, and the merchant can enable the
 * workflow only if it answers 2xx within 5 seconds. Verified like a webhook (base64 HMAC-SHA256 of the raw
 * body with the app's secret in `X-Shopify-Hmac-Sha256`: 401 otherwise), then stored per shop and trigger,
 * newest `timestamp` winning, so replays and callbacks out of order settle on the latest state. A trigger
 * that is not Kept's is acknowledged and not stored.
 */
export async function receiveFlowLifecycle(request: Request, options: { secret: string; customShopDomain?: string; now?: Date }): Promise<Response> {
  if (request.method !== "POST") return text("Method not allowed", 405);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BYTES) return text("Too large", 413);
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > MAX_BYTES) return text("Too large", 413);
  const hmac = request.headers.get("x-shopify-hmac-sha256");
  if (!hmac || !isValidWebhookHmac(raw, hmac, options.secret)) return text("Invalid signature", 401);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    return text("Body is not JSON", 400);
  }
  const parsed = lifecycleCallbackSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return text(`Invalid lifecycle callback: ${issue ? `${issue.path.join(".") || "body"} ${issue.message}` : "?"}`, 400);
  }
  const body = parsed.data;
  if (!isValidShopDomain(body.shopify_domain, options.customShopDomain)) return text("Invalid shopify_domain", 400);
  const trigger = triggerNamed(body.flow_trigger_definition_id);
  if (!trigger) return text("Not a Kept trigger: nothing recorded", 200);
  const changed = await recordFlowTriggerUse(body.shopify_domain, trigger, body.has_enabled_flow, new Date(body.timestamp), options.now ?? new Date());
  return text(changed ? "Recorded" : "Not newer than the state on record: nothing changed", 200);
}
