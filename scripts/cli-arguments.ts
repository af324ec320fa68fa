import { parseArgs, type ParseArgsConfig } from "node:util";
import { errorText } from "../app/domain/errors/error-text";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * A command's flags, parsed strictly (an unknown flag or a missing value is an error); `refuse` is told
 * what was wrong and must not return (the commands exit with their usage).
 */
export function readFlags<const O extends Options>(options: O, refuse: (message: string) => never) {
  try {
    return parseArgs({ options }).values;
  } catch (error: unknown) {
    return refuse(errorText(error));
  }
}
