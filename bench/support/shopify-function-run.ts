// Stands in for `@shopify/shopify_function/run` (not installed here: it is only needed by the CLI build on a
// connected machine). Same job: read the input from the Javy host, call the function, write its output.
declare const ShopifyFunction: { readInput(): unknown; writeOutput(output: unknown): void };

export default function runFunction(userFunction: (input: never) => unknown) {
  ShopifyFunction.writeOutput(userFunction(ShopifyFunction.readInput() as never));
}
