import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

export type AdminCall = { shop: string; operationName: string; variables: Record<string, unknown> };
type Answer = (variables: Record<string, unknown>, call: AdminCall) => unknown;

/**
 * A test double for Shopify's Admin GraphQL API at the wire: every request the app's Shopify client makes
 * goes through the library's fetch hook; the double answers by operation name with the JSON body Shopify
 * would send. An operation without an answer is a test failure (HTTP 500 and a recorded error).
 */
export function installAdminApiDouble(answers: Record<string, Answer>) {
  const calls: AdminCall[] = [];
  const unexpected: string[] = [];
  setAbstractFetchFunc(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const match = /^\/admin\/api\/[\w-]+\/graphql\.json$/.exec(url.pathname);
    const body = JSON.parse(String(init?.body ?? "{}")) as { query?: string; variables?: Record<string, unknown> };
    const operationName = /(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? "(anonymous)";
    const call = { shop: url.hostname, operationName, variables: body.variables ?? {} };
    const answer = answers[operationName];
    if (!match || !answer) {
      unexpected.push(`${init?.method ?? "GET"} ${url.href} ${operationName}`);
      return new Response(JSON.stringify({ errors: [{ message: "unexpected request in test" }] }), { status: 500 });
    }
    calls.push(call);
    return new Response(JSON.stringify(answer(call.variables, call)), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  return { calls, unexpected };
}
