import type { ActionFunctionArgs } from "@remix-run/node";
import { intakeConfig, receiveWebhook } from "~/services/intake/receive-webhook.server";
import { getEnv } from "~/utils/env.server";

// Every subscription in shopify.app.toml points here; the topic header picks the processing.
export async function action({ request }: ActionFunctionArgs) {
  const result = await receiveWebhook({ method: request.method, headers: request.headers, body: request.body }, intakeConfig(getEnv()));
  const headers = new Headers({ "Content-Type": "text/plain" });
  // An oversized body may still be streaming in: close the connection rather than reuse it.
  if (result.status === 413) headers.set("Connection", "close");
  return new Response(result.body, { status: result.status, headers });
}

export function loader() {
  return new Response("Method not allowed", { status: 405 });
}
