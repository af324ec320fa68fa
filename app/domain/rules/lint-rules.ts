import { compareRuleOrder } from "./compile-rules";
import { isDecimalAmount, parseDecimalToMicros } from "./decimal";
import { MAX_GROUP_DEPTH, MAX_HOLDOUT_PERCENT, isConditionGroup, measureGroupDepth, type Condition, type ConditionGroup, type Rule } from "./rule-model";

/** `error`: the rule cannot work as written. `warning`: it works, but probably not as the merchant meant. */
export type RuleLintIssue = { level: "error" | "warning"; ruleId: string; message: string };

/** True when the group holds for every order (empty, or made only of groups that always hold). */
function isAlwaysTrue(group: ConditionGroup): boolean {
  if (group.items.length === 0) return true;
  const holds = (item: Condition | ConditionGroup) => isConditionGroup(item) && isAlwaysTrue(item);
  return group.op === "and" ? group.items.every(holds) : group.items.some(holds);
}

/** A key-order-independent fingerprint, so `{op, count}` and `{count, op}` compare equal. */
function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, inner]) => `${key}:${fingerprint(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * True when every order matching `later` also matches `earlier`: `earlier` always holds, or both are `and`
 * groups and each of `earlier`'s conditions appears verbatim in `later` (later only adds restrictions).
 */
function isCoveredBy(earlier: ConditionGroup, later: ConditionGroup): boolean {
  if (isAlwaysTrue(earlier)) return true;
  if (earlier.op !== "and" || later.op !== "and") return false;
  const laterItems = new Set(later.items.map(fingerprint));
  return earlier.items.every((item) => laterItems.has(fingerprint(item)));
}

/** Stops every order it covers: it stops, runs all the time, and cannot run out of stock. */
function isUnconditionalStopper(rule: Rule): boolean {
  const stock = rule.actions.physicalItem?.stock ?? null;
  return rule.active && rule.stopAfter && !rule.startsAt && !rule.endsAt && stock === null;
}

function lintConditions(group: ConditionGroup, isRoot: boolean, report: (level: RuleLintIssue["level"], message: string) => void): void {
  if (group.items.length === 0) {
    report("warning", isRoot ? "This rule has no conditions, so it applies to every order." : "A condition group is empty; it matches every order.");
  }
  for (const item of group.items) {
    if (isConditionGroup(item)) {
      lintConditions(item, false, report);
      continue;
    }
    if (item.kind !== "order-total") continue;
    if (!item.currency?.trim()) report("error", "The order total condition needs a currency, e.g. EUR.");
    const amounts = item.op === "between" ? [item.min, item.max] : [item.amount];
    const invalid = amounts.filter((amount) => !isDecimalAmount(amount));
    if (invalid.length > 0) report("error", `Order total "${invalid.join('", "')}" is not an amount like 49.90.`);
    else if (item.op === "between" && (parseDecimalToMicros(item.min) ?? 0n) > (parseDecimalToMicros(item.max) ?? 0n)) {
      report("error", `Order total range is reversed: minimum ${item.min} is above maximum ${item.max}.`);
    }
  }
}

function lintRule(rule: Rule, report: (level: RuleLintIssue["level"], message: string) => void): void {
  const depth = measureGroupDepth(rule.conditions);
  if (depth > MAX_GROUP_DEPTH) report("error", `Conditions are nested ${depth} levels deep; at most ${MAX_GROUP_DEPTH} are allowed.`);
  lintConditions(rule.conditions, true, report);
  if (rule.actions.physicalItem?.stock === 0) {
    report("warning", `Insert "${rule.actions.physicalItem.label}" has 0 in stock: the rule is skipped until you restock.`);
  }
  if (rule.startsAt && rule.endsAt && Date.parse(rule.endsAt) <= Date.parse(rule.startsAt)) {
    report("error", "The end date is not after the start date, so the rule never runs.");
  }
  if (!(rule.holdoutPercent >= 0 && rule.holdoutPercent <= MAX_HOLDOUT_PERCENT)) {
    report("error", `Holdout must be between 0 and ${MAX_HOLDOUT_PERCENT} %.`);
  }
  const { insertTemplateId, physicalItem, discount } = rule.actions;
  if (!insertTemplateId && !physicalItem && !discount) report("warning", "This rule does nothing: add an insert, an item or a code.");
}

/**
 * Checks the shop's rules for merchant mistakes before saving: impossible schedules or amount ranges, missing
 * currencies, empty conditions, zero stock, and rules that can never apply because an earlier "stop after this
 * rule" rule already catches every order they would match (it always applies, or theirs adds conditions to its).
 */
export function lintRules(rules: readonly Rule[]): RuleLintIssue[] {
  const issues: RuleLintIssue[] = [];
  for (const rule of rules) {
    lintRule(rule, (level, message) => issues.push({ level, ruleId: rule.id, message }));
  }
  const ordered = rules.filter((rule) => rule.active).sort(compareRuleOrder);
  ordered.forEach((later, index) => {
    const blocker = ordered.slice(0, index).find((earlier) => isUnconditionalStopper(earlier) && isCoveredBy(earlier.conditions, later.conditions));
    if (!blocker) return;
    issues.push({
      level: "warning",
      ruleId: later.id,
      message: `This rule never applies: "${blocker.name}" runs first, matches every order this one would, and stops after itself.`,
    });
  });
  return issues;
}
