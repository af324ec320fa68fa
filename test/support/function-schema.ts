import { readFileSync } from "node:fs";
import {
  buildSchema,
  coerceInputValue,
  executeSync,
  type GraphQLError,
  isInputType,
  parse,
  stripIgnoredCharacters,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

/** A Function's committed schema and input query, checked the way Shopify checks them at deploy. */
export function loadFunctionApi(schemaPath: string, queryPath: string) {
  const schema = buildSchema(readFileSync(schemaPath, "utf8"));
  const querySource = readFileSync(queryPath, "utf8");
  const query = parse(querySource);
  return { schema, query, querySource, queryErrors: validate(schema, query).map((error) => error.message) };
}

/**
 * The input a fixture claims Shopify sends must be exactly what the query selects from the schema:
 * executing the query with the fixture as the root value (fields read by response key, so aliases work)
 * must succeed and give back the fixture unchanged. Wrong enum values, nulls in non-null fields, missing
 * fields and fields the query never asked for all show up as errors or differences.
 */
export function executeFixture(api: ReturnType<typeof loadFunctionApi>, fixture: unknown, variables: Record<string, unknown>) {
  const result = executeSync({
    schema: api.schema,
    document: api.query,
    rootValue: fixture,
    variableValues: variables,
    fieldResolver: (source, _args, _context, info) => (source as Record<string, unknown>)[info.path.key as string],
  });
  return { data: JSON.parse(JSON.stringify(result.data ?? null)) as unknown, errors: (result.errors ?? []).map((error) => error.message) };
}

/** Checks a Function's output against the schema's result input type (e.g. CartDeliveryOptionsTransformRunResult). */
export function outputErrors(schema: GraphQLSchema, typeName: string, output: unknown): string[] {
  const type = schema.getType(typeName);
  if (!type || !isInputType(type)) return [`${typeName} is not an input type`];
  const errors: string[] = [];
  coerceInputValue(output, type, (path, _value, error: GraphQLError) => errors.push(`${path.join(".")}: ${error.message}`));
  return errors;
}

/** Shopify counts the query's size without comments; stripIgnoredCharacters is the strictest reading. */
export function queryBytes(querySource: string): { asWritten: number; withoutIgnored: number } {
  const withoutComments = querySource.replace(/^\s*#.*$/gm, "");
  return { asWritten: Buffer.byteLength(withoutComments), withoutIgnored: Buffer.byteLength(stripIgnoredCharacters(querySource)) };
}

/**
 * An upper bound of the input query's cost: every selected field costs 1, `metafield` 3 (as Shopify
 * prices metafield, hasAnyTag and inAnyCollection lookups). Shopify charges leaves less than this, so
 * staying within the limit here keeps the real cost within it.
 */
export function queryCostUpperBound(document: DocumentNode): number {
  const cost = (selectionSet: SelectionSetNode | undefined): number =>
    (selectionSet?.selections ?? []).reduce((sum, selection) => {
      const field = selection as FieldNode;
      return sum + (field.name.value === "metafield" ? 3 : 1) + cost(field.selectionSet);
    }, 0);
  return document.definitions.reduce((sum, definition) => sum + ("selectionSet" in definition ? cost(definition.selectionSet) : 0), 0);
}
