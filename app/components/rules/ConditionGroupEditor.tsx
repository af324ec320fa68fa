import { BlockStack, Box, Button, InlineError, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { MAX_GROUP_DEPTH, isConditionGroup, type Condition, type ConditionGroup } from "~/domain/rules/rule-model";
import { CONDITION_KINDS, newCondition } from "./condition-kinds";
import { ConditionFields, type ConditionContext } from "./ConditionFields";

type Props = ConditionContext & {
  group: ConditionGroup;
  /** Dotted path of the group in the rule document ("conditions", "conditions.items.1"). */
  path: string;
  /** "" for the rule's own conditions, else the position ("2", "2.1"). */
  label: string;
  depth: number;
  currency: string;
  onChange: (group: ConditionGroup) => void;
  onRemove?: () => void;
};

const OPS = [
  { value: "and", label: "all of these" },
  { value: "or", label: "any of these" },
];

function ConditionRow({
  condition,
  label,
  path,
  onChange,
  onRemove,
  context,
  currency,
}: {
  condition: Condition;
  label: string;
  path: string;
  currency: string;
  context: ConditionContext;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}) {
  return (
    <div role="group" aria-label={`Condition ${label}`}>
      <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200" background="bg-surface">
        <BlockStack gap="200">
          <InlineStack gap="200" align="space-between" blockAlign="end">
            <Select
              label="Condition type"
              options={CONDITION_KINDS}
              value={condition.kind}
              onChange={(kind) => onChange(newCondition(kind as Condition["kind"], currency))}
            />
            <Button variant="plain" tone="critical" onClick={onRemove} accessibilityLabel={`Remove condition ${label}`}>
              Remove
            </Button>
          </InlineStack>
          <ConditionFields {...context} condition={condition} path={path} onChange={onChange} />
        </BlockStack>
      </Box>
    </div>
  );
}

/** An AND/OR group of conditions and nested groups (up to the schema's depth), edited in place. */
export function ConditionGroupEditor({ group, path, label, depth, currency, onChange, onRemove, ...context }: Props) {
  const [kind, setKind] = useState<Condition["kind"]>("first-order");
  const name = label === "" ? "Conditions" : `Group ${label}`;
  const setItem = (index: number, item: Condition | ConditionGroup) => onChange({ ...group, items: group.items.map((old, at) => (at === index ? item : old)) });
  const removeItem = (index: number) => onChange({ ...group, items: group.items.filter((_, at) => at !== index) });
  const ownError = context.errors.find((error) => error.path === path || error.path === `${path}.items`)?.message;
  return (
    <div role="group" aria-label={name}>
      <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200" background={depth % 2 === 0 ? "bg-surface-secondary" : "bg-surface"}>
        <BlockStack gap="300">
          <InlineStack gap="200" align="space-between" blockAlign="center">
            <Select
              label={`${name}: match`}
              labelInline
              options={OPS}
              value={group.op}
              onChange={(op) => onChange({ ...group, op: op === "or" ? "or" : "and" })}
            />
            {onRemove ? (
              <Button variant="plain" tone="critical" onClick={onRemove} accessibilityLabel={`Remove ${name.toLowerCase()}`}>
                Remove group
              </Button>
            ) : null}
          </InlineStack>
          {group.items.length === 0 ? (
            <Text as="p" tone="subdued">
              No conditions: this matches every order.
            </Text>
          ) : null}
          {group.items.map((item, index) => {
            const childLabel = label === "" ? String(index + 1) : `${label}.${index + 1}`;
            const childPath = `${path}.items.${index}`;
            return isConditionGroup(item) ? (
              <ConditionGroupEditor
                key={childPath}
                {...context}
                group={item}
                path={childPath}
                label={childLabel}
                depth={depth + 1}
                currency={currency}
                onChange={(changed) => setItem(index, changed)}
                onRemove={() => removeItem(index)}
              />
            ) : (
              <ConditionRow
                key={childPath}
                condition={item}
                label={childLabel}
                path={childPath}
                currency={currency}
                context={context}
                onChange={(changed) => setItem(index, changed)}
                onRemove={() => removeItem(index)}
              />
            );
          })}
          <InlineStack gap="200" blockAlign="end">
            <Select
              label={`New condition in ${name.toLowerCase()}`}
              labelHidden
              options={CONDITION_KINDS}
              value={kind}
              onChange={(value) => setKind(value as Condition["kind"])}
            />
            <Button
              onClick={() => onChange({ ...group, items: [...group.items, newCondition(kind, currency)] })}
              accessibilityLabel={`Add condition to ${name.toLowerCase()}`}
            >
              Add condition
            </Button>
            {depth < MAX_GROUP_DEPTH ? (
              <Button
                onClick={() => onChange({ ...group, items: [...group.items, { op: group.op === "and" ? "or" : "and", items: [] }] })}
                accessibilityLabel={`Add group to ${name.toLowerCase()}`}
              >
                Add group
              </Button>
            ) : null}
          </InlineStack>
          {ownError ? <InlineError message={ownError} fieldID={path} /> : null}
        </BlockStack>
      </Box>
    </div>
  );
}
