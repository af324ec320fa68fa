import { BlockStack, List, Text } from "@shopify/polaris";
import type { RuleLintIssue } from "~/domain/rules/lint-rules";
import type { FieldError } from "~/utils/form-json";
import { describeField } from "./check-draft";
import { SectionCard } from "~/components/common/SectionCard";

type Props = { errors: FieldError[]; issues: RuleLintIssue[]; ruleId: string; ruleNames: Record<string, string> };

/** "Condition 2.1: Use an amount like 49.90", unless the message already names its field ("Name must not be empty"). */
function placed(error: FieldError): string {
  const where = error.path ? describeField(error.path) : "";
  return where === "" || error.message.startsWith(where) ? error.message : `${where}: ${error.message}`;
}

/** Problems found before saving: field errors block the save, warnings only inform. */
export function ChecksCard({ errors, issues, ruleId, ruleNames }: Props) {
  const blocking = issues.filter((issue) => issue.level === "error");
  const warnings = issues.filter((issue) => issue.level === "warning");
  const label = (issue: RuleLintIssue) => (issue.ruleId === ruleId ? issue.message : `Rule "${ruleNames[issue.ruleId] ?? issue.ruleId}": ${issue.message}`);
  return (
    <SectionCard title="Checks">
      {errors.length + blocking.length === 0 && warnings.length === 0 ? (
        <Text as="p" tone="success">
          No problems found.
        </Text>
      ) : null}
      {errors.length + blocking.length > 0 ? (
        <BlockStack gap="100">
          <Text
            as="p"
            tone="critical"
          >{`${errors.length + blocking.length} problem${errors.length + blocking.length === 1 ? "" : "s"} to fix before saving:`}</Text>
          <List>
            {errors.map((error) => (
              <List.Item key={`${error.path}:${error.message}`}>{placed(error)}</List.Item>
            ))}
            {blocking.map((issue) => (
              <List.Item key={issue.message}>{label(issue)}</List.Item>
            ))}
          </List>
        </BlockStack>
      ) : null}
      {warnings.length > 0 ? (
        <BlockStack gap="100">
          <Text
            as="p"
            tone="caution"
          >{`${warnings.length} warning${warnings.length === 1 ? "" : "s"}. You can save anyway; the rule then works exactly as described here:`}</Text>
          <List>
            {warnings.map((issue) => (
              <List.Item key={`${issue.ruleId}:${issue.message}`}>{label(issue)}</List.Item>
            ))}
          </List>
        </BlockStack>
      ) : null}
    </SectionCard>
  );
}
