import { z } from "zod";

/** The Admin API client as `authenticate.admin` / `unauthenticated.admin` hand it out. */
export type AdminGraphql = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

const envelope = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string() }).passthrough()).optional(),
});

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
  if (body.errors?.length) throw new Error(`Admin API: ${body.errors.map((error) => error.message).join("; ")}`);
  const data = schema.safeParse(body.data);
  if (!data.success) throw new Error(`Admin API answered an unexpected shape: ${data.error.issues[0]?.message ?? "?"}`);
  return data.data;
}
