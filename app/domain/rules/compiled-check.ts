import type { PreparedOrder } from "./prepared-order";

/** Why a condition (group) did or did not match, in plain English. */
export type MatchExplanation = { matched: boolean; reasons: string[]; failed: string[] };

/** A condition turned into closures: `test` is the hot path, `explain` builds the sentences. */
export type CompiledCheck = {
  test: (order: PreparedOrder) => boolean;
  explain: (order: PreparedOrder) => MatchExplanation;
};

export type Sentence = (order: PreparedOrder) => string;

/** A single condition: `pass` says why it held, `fail` why it did not. */
export function leaf(test: CompiledCheck["test"], pass: Sentence, fail: Sentence): CompiledCheck {
  return {
    test,
    explain: (order) => (test(order) ? { matched: true, reasons: [pass(order)], failed: [] } : { matched: false, reasons: [], failed: [fail(order)] }),
  };
}

/** A condition that can never hold because the rule itself is broken; the problem is reported, not thrown. */
export function never(problem: string, problems: string[]): CompiledCheck {
  problems.push(problem);
  return leaf(
    () => false,
    () => "",
    () => problem,
  );
}

/** True when any of `values` is in `wanted` (loops instead of callbacks: this runs for every rule and order). */
export function hasAnyIn(values: Iterable<string>, wanted: Set<string>): boolean {
  for (const value of values) if (wanted.has(value)) return true;
  return false;
}

export function matchesAnyPattern(value: string, patterns: RegExp[]): boolean {
  for (const pattern of patterns) if (pattern.test(value)) return true;
  return false;
}
