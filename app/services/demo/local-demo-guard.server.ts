import type { IncomingMessage, ServerResponse } from "node:http";
import { demoRefusalText, notLocalDemoRequest } from "~/domain/demo/local-demo";
import { getEnv } from "~/utils/env.server";

/**
 * In demo mode, server.mjs asks this first for every request: one that is not from this machine directly
 * gets a 403 that says why and what to do, and nothing else of the app runs. Returns true when it answered.
 */
export function refuseNonLocalDemoRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (getEnv().KEPT_DEMO !== "1") return false;
  const reason = notLocalDemoRequest({
    remoteAddress: req.socket.remoteAddress ?? null,
    hostHeader: req.headers.host ?? null,
    headerNames: Object.keys(req.headers),
  });
  if (!reason) return false;
  console.warn(`[demo] refused ${req.method} ${req.url?.slice(0, 200)}: ${reason}`);
  res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
  res.end(demoRefusalText(reason));
  return true;
}

/**
 * The same check for a Remix request, on its headers only (the socket is server.mjs's): a forwarding
 * header or a public Host refuses it. A request built in this process (no Host header) passes.
 */
export function isLocalDemoRequest(request: Request): boolean {
  const host = request.headers.get("host");
  return notLocalDemoRequest({ remoteAddress: null, hostHeader: host ?? "localhost", headerNames: [...request.headers.keys()] }) === null;
}
