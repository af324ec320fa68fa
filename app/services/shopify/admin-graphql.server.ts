import { z } from "zod";

/** The Admin API client as `authenticate.admin` / `unauthenticated.admin` hand it out. */
export type AdminGraphql = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

const envelope = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).passthrough().optional() }).passthrough()).optional(),
});

/** Top-level GraphQL errors, with Shopify's error codes (e.g. ACCESS_DENIED, THROTTLED). */
class AdminApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

/** Shopify answered, but not in the shape the operation expects (retrying the same query will not help). */
export class AdminApiAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AdminApiAnswerError";
  }
}

// The library's GraphqlQueryError: `body.errors.graphQLErrors` holds the errors Shopify sent.
const clientErrorBody = z.object({ body: z.object({ errors: z.object({ graphQLErrors: envelope.shape.errors }) }) });

/**
 * Shopify's error codes (ACCESS_DENIED, THROTTLED, …) of a failed operation, whether the error came from
 * runAdminOperation or from the library client, which throws on a GraphQL error body before we see it.
 */
export function adminErrorCodes(error: unknown): string[] {
  if (error instanceof AdminApiError) return error.codes;
  const parsed = clientErrorBody.safeParse(error);
  if (!parsed.success) return [];
  return (parsed.data.body.errors.graphQLErrors ?? []).flatMap((entry) => (entry.extensions?.code ? [entry.extensions.code] : []));
}

/**
 * Runs one operation and validates `data` with `schema`. Top-level GraphQL errors (including
 * THROTTLED) throw, so the outbox retries the job with backoff.
 */
export async function runAdminOperation<S extends z.ZodTypeAny>(
  graphql: AdminGraphql,
  query: string,
  variables: Record<string, unknown>,
  schema: S,
): Promise<z.infer<S>> {
  const response = await graphql(query, { variables });
  const body = envelope.parse(await response.json());
  if (body.errors?.length) {
    const codes = body.errors.flatMap((error) => (error.extensions?.code ? [error.extensions.code] : []));
    throw new AdminApiError(`Admin API: ${body.errors.map((error) => error.message).join("; ")}`, codes);
  }
  const data = schema.safeParse(body.data);
  if (!data.success) {
    const issue = data.error.issues[0];
    throw new AdminApiAnswerError(`Admin API answered an unexpected shape: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "?"}`);
  }
  return data.data;
}
