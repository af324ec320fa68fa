import { never, type CompiledCheck, type MatchExplanation } from "./compiled-check";
import { compileCondition } from "./compile-condition";
import type { PreparedOrder } from "./prepared-order";
import { MAX_GROUP_DEPTH, isConditionGroup, type ConditionGroup } from "./rule-model";

/**
 * Compiles a condition group once (globs to RegExps, amounts to exact integers, lists to Sets) into closures.
 * Broken parts (no currency, bad amount, nesting deeper than MAX_GROUP_DEPTH) never match and are added to `problems`.
 */
export function compileGroup(group: ConditionGroup, problems: string[], depth = 1): CompiledCheck {
  if (depth > MAX_GROUP_DEPTH) return never(`conditions are nested deeper than ${MAX_GROUP_DEPTH} levels`, problems);
  if (group.items.length === 0) return { test: () => true, explain: () => ({ matched: true, reasons: ["applies to every order"], failed: [] }) };
  const checks = group.items.map((item) => (isConditionGroup(item) ? compileGroup(item, problems, depth + 1) : compileCondition(item, problems)));
  const tests = checks.map((check) => check.test);
  const isAnd = group.op === "and";
  const test = (p: PreparedOrder) => {
    for (const itemTest of tests) if (itemTest(p) !== isAnd) return !isAnd;
    return isAnd;
  };
  const explain = (p: PreparedOrder): MatchExplanation => {
    const parts = checks.map((check) => check.explain(p));
    const matched = test(p);
    const relevant = isAnd || !matched ? parts : parts.filter((part) => part.matched);
    return { matched, reasons: relevant.flatMap((part) => part.reasons), failed: matched ? [] : relevant.flatMap((part) => part.failed) };
  };
  return { test, explain };
}
