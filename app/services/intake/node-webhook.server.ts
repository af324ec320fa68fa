import type { IncomingMessage, ServerResponse } from "node:http";
import { intakeConfig, receiveWebhook } from "~/services/intake/receive-webhook.server";
import { getEnv } from "../../utils/env.server";

/**
 * The webhook intake as a plain node:http handler. server.mjs routes `POST /webhooks` here before
 * express and Remix: a delivery needs neither, and skipping them is what keeps intake fast (see
 * bench/webhooks.ts). The Remix route `webhooks.tsx` calls the same `receiveWebhook` (dev server).
 */
export async function handleWebhookNode(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const env = getEnv();
  const headers = {
    get(name: string) {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
  try {
    const result = await receiveWebhook({ method: req.method ?? "GET", headers, body: req }, intakeConfig(env));
    res.writeHead(result.status, {
      "Content-Type": "text/plain",
      ...(result.status === 413 ? { Connection: "close" } : {}),
    });
    res.end(result.body);
  } catch (error: unknown) {
    // Nothing was acknowledged: Shopify retries. The process keeps serving.
    console.error("[webhooks] intake failed", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
    res.end("Internal error");
  }
}
