import { PassThrough } from "stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { addDocumentResponseHeaders } from "./shopify.server";
import { getEnv } from "./utils/env.server";
import { prepareSqlite } from "./models/db/prisma.server";
import { startWorkerThread } from "./services/jobs/worker-thread.server";

export { handleWebhookNode } from "./services/intake/node-webhook.server";
export { runWorkerThread } from "./services/jobs/worker-thread.server";
export { refuseNonLocalDemoRequest } from "./services/demo/local-demo-guard.server";

export const streamTimeout = 5000;

// Validate configuration as soon as the server build loads: a bad env stops the process with a clear list.
getEnv();

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  addDocumentResponseHeaders(request, responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Called once by server.mjs when the process starts: prepares SQLite (WAL, busy timeout) and, unless
 * WORKER_IN_PROCESS=0, runs the outbox worker on a worker thread started from `workerThreadEntry`
 * (worker-thread.mjs). Returns the function that stops it.
 */
export async function startBackgroundWork(workerThreadEntry: URL): Promise<() => Promise<void>> {
  const env = getEnv();
  await prepareSqlite();
  if (env.WORKER_IN_PROCESS === "0") return async () => {};
  const thread = startWorkerThread(workerThreadEntry);
  return () => thread.stop();
}
