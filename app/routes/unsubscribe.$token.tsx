import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { unsubscribeResponse } from "~/services/follow-ups/unsubscribe.server";

// One-click unsubscribe from follow-up emails (List-Unsubscribe, RFC 8058): public, no session.
export const loader = ({ params }: LoaderFunctionArgs) => unsubscribeResponse(params.token ?? "", "GET");
export const action = ({ params }: ActionFunctionArgs) => unsubscribeResponse(params.token ?? "", "POST");
