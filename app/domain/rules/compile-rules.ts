import type { CompiledCheck } from "./compiled-check";
import { compileGroup } from "./compile-group";
import type { Rule } from "./rule-model";

/** A rule prepared for fast evaluation: window as epoch ms, conditions as closures. */
type CompiledRule = {
  rule: Rule;
  /** Inclusive start of the live window (epoch ms), or -Infinity. */
  startsAtMs: number;
  /** Exclusive end of the live window (epoch ms), or +Infinity. */
  endsAtMs: number;
  check: CompiledCheck;
  /** Why the rule can never apply as written (e.g. "order total condition has no currency"). Empty when fine. */
  problems: string[];
};

/** Rules compiled once and sorted in evaluation order; pass this to `evaluateRules` for every order. */
export type CompiledRuleSet = { kind: "compiled-rules"; rules: CompiledRule[] };

function parseInstant(value: string | undefined, fallback: number, what: string, problems: string[]): number {
  if (value === undefined) return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    problems.push(`${what} "${value}" is not a date and time`);
    return Number.NaN;
  }
  return ms;
}

/** Evaluation order: lower priority number first, ties broken by id (plain code-unit order, locale-independent). */
export function compareRuleOrder(a: Rule, b: Rule): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Prepares the shop's rules once (sorting, glob → RegExp, amounts → exact integers, window → epoch ms) so each
 * order costs only closure calls. Broken rules are kept, never throw, and report their `problems`; an unparseable
 * window makes the rule count as outside its window.
 */
export function compileRules(rules: readonly Rule[]): CompiledRuleSet {
  const compiled = [...rules].sort(compareRuleOrder).map((rule): CompiledRule => {
    const problems: string[] = [];
    const startsAtMs = parseInstant(rule.startsAt, Number.NEGATIVE_INFINITY, "start", problems);
    const endsAtMs = parseInstant(rule.endsAt, Number.POSITIVE_INFINITY, "end", problems);
    const check = compileGroup(rule.conditions, problems);
    return { rule, startsAtMs, endsAtMs, check, problems };
  });
  return { kind: "compiled-rules", rules: compiled };
}
