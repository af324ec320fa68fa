import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { readShopperOrderPromise } from "~/services/promise/shopper-order-promise.server";
import { authenticate } from "~/shopify.server";
import { isGidOf, toGid } from "~/domain/shopify/gid";

// Thank-you (checkout token) and order-status (customer-account token) pages ask for an order's recorded
// promise. OrderIdentity GIDs (thank-you) carry the same number as the Order GID.
const querySchema = z.object({
  order: z
    .string()
    .regex(/^gid:\/\/shopify\/Order(Identity)?\/\d+$/, "order must be an Order GID")
    .transform((gid) => toGid("Order", gid)),
  surface: z.enum(["checkout", "customer-account"]),
});

async function handle(request: Request) {
  const surface = new URL(request.url).searchParams.get("surface");
  const auth = surface === "customer-account" ? authenticate.public.customerAccount : authenticate.public.checkout;
  const { sessionToken, cors } = await auth(request);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return cors(json({ error: query.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) }, { status: 400 }));
  const customerGid = isGidOf("Customer", sessionToken.sub) ? sessionToken.sub : undefined;
  const result = await readShopperOrderPromise({
    shop: new URL(sessionToken.dest).hostname,
    orderGid: query.data.order,
    customerGid,
    surface: query.data.surface,
    now: new Date(),
  });
  return cors(json(result, { headers: { "Cache-Control": "no-store" } }));
}

export const loader = ({ request }: LoaderFunctionArgs) => handle(request);
// Remix hands the CORS preflight (OPTIONS) to the action; authenticate answers it.
export const action = ({ request }: ActionFunctionArgs) => handle(request);
