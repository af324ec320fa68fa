import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdminCall } from "./admin-api-double";

type Answer = (variables: Record<string, unknown>, call: AdminCall) => unknown;

export type AdminApiServer = {
  /** Give this to the app as SHOPIFY_ADMIN_API_ORIGIN. */
  origin: string;
  calls: AdminCall[];
  unexpected: string[];
  /** Replaces or adds answers while the server runs (e.g. make a mutation fail, then succeed). */
  answer(operationName: string, answer: Answer): void;
  close(): Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The Admin API test double as a real HTTP server on loopback, for app processes started by tests
 * (they reach it through SHOPIFY_ADMIN_API_ORIGIN). Like `installAdminApiDouble`, it answers by
 * GraphQL operation name with the JSON Shopify would send; an operation without an answer, a
 * missing access token or a request outside /admin/api/{version}/graphql.json is recorded in
 * `unexpected` and answered with HTTP 500.
 */
export async function startAdminApiServer(answers: Record<string, Answer>): Promise<AdminApiServer> {
  const table = new Map(Object.entries(answers));
  const calls: AdminCall[] = [];
  const unexpected: string[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const shop = String(request.headers["x-shopify-shop-domain"] ?? "");
      const token = request.headers["x-shopify-access-token"];
      let body: { query?: string; variables?: Record<string, unknown> } = {};
      try {
        body = JSON.parse(text || "{}") as typeof body;
      } catch {
        // recorded as unexpected below
      }
      const operationName = /(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? "(anonymous)";
      const call = { shop, operationName, variables: body.variables ?? {} };
      const answer = table.get(operationName);
      const isGraphql = request.method === "POST" && /^\/admin\/api\/[\w-]+\/graphql\.json$/.test(request.url ?? "");
      if (!isGraphql || !answer || !shop || !token) {
        unexpected.push(`${request.method} ${request.url} ${operationName} shop=${shop || "?"} token=${token ? "yes" : "no"}`);
        response.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ errors: [{ message: "unexpected request in test" }] }));
        return;
      }
      calls.push(call);
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(answer(call.variables, call)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    unexpected,
    answer: (name, fn) => void table.set(name, fn),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
