// One way to turn a thrown value into text, for logs, stored job errors and messages.

/**
 * The message of a thrown value: an Error's message (with its class name when `withName`, as the worker
 * stores it: "TypeError: x is undefined"), anything else as a string.
 */
export function errorText(error: unknown, options: { withName?: boolean } = {}): string {
  if (!(error instanceof Error)) return String(error);
  return options.withName ? `${error.name}: ${error.message}` : error.message;
}
