/** What a route answered, however it answered: a Response (redirect, thrown 404), `data(body, init)` or a plain object. */
export type RouteAnswer = { status: number; body: unknown; location?: string | null };

async function answer(result: unknown): Promise<RouteAnswer> {
  if (result instanceof Response) return { status: result.status, body: null, location: result.headers.get("location") };
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const { init, data } = result as { init: { status?: number } | null; data: unknown };
    return { status: init?.status ?? 200, body: data };
  }
  return { status: 200, body: result };
}

/** Calls a route's loader or action with a real Request, as Remix would, and returns its answer (thrown or returned). */
export const callRoute = (route: (args: never) => Promise<unknown>, request: Request, params: Record<string, string> = {}) =>
  route({ request, params, context: {} } as never).then(answer, answer);
