// The app's HTTP server: webhook intake on plain node:http, everything else through express and
// Remix, and (unless WORKER_IN_PROCESS=0) the outbox worker on a worker thread of this process.
// `npm start` runs it on the built app.
import { createServer } from "node:http";
import express from "express";
import { createRequestHandler } from "@remix-run/express";

const build = await import("./build/server/index.js");
const { startBackgroundWork, handleWebhookNode, refuseNonLocalDemoRequest } = build.entry.module;
const stopBackgroundWork = await startBackgroundWork(new URL("./worker-thread.mjs", import.meta.url));

const app = express();
app.disable("x-powered-by");
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
// Webhook deliveries skip express and Remix (the hot path); everything else goes through them.
const server = createServer((req, res) => {
  // Demo mode (KEPT_DEMO=1) answers this machine only: anything else gets a 403 saying why.
  if (refuseNonLocalDemoRequest(req, res)) return;
  if (req.method === "POST" && (req.url === "/webhooks" || req.url?.startsWith("/webhooks?"))) {
    void handleWebhookNode(req, res);
    return;
  }
  app(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => console.log(`[kept] listening on http://${host}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    void stopBackgroundWork().then(() => process.exit(0));
  });
}
