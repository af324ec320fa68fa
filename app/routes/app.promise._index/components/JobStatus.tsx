import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { formatDateTime } from "~/utils/format";
import type { JobState } from "~/domain/jobs/job-state";

type Props = { state: JobState; what: string; succeeded: string; none: string };

/** One outbox job as the merchant needs to see it, with Retry when it is dead (the Settings page's retry). */
export function JobStatus({ state, what, succeeded, none }: Props) {
  switch (state.state) {
    case "none":
      return (
        <Text as="p" tone="subdued">
          {none}
        </Text>
      );
    case "pending":
      return <Line badge={<Badge tone="attention">Pending</Badge>} text={`Queued: ${what} runs in a moment.`} />;
    case "running":
      return <Line badge={<Badge tone="info">Running</Badge>} text={`${what}: attempt ${state.attempt} is running.`} />;
    case "succeeded":
      return <Line badge={<Badge tone="success">Succeeded</Badge>} text={`${succeeded} ${formatDateTime(state.finishedAt)} (UTC).`} />;
    case "cancelled":
      return <Line badge={<Badge>Cancelled</Badge>} text={state.lastError ?? "Cancelled."} />;
    case "retrying":
      return (
        <BlockStack gap="100">
          <Line
            badge={<Badge tone="warning">Retrying</Badge>}
            text={`Attempt ${state.attempts} of ${state.maxAttempts} failed; next attempt ${formatDateTime(state.nextAttemptAt)} (UTC).`}
          />
          <Text as="p" tone="critical">
            {state.lastError}
          </Text>
        </BlockStack>
      );
    case "dead":
      return (
        <BlockStack gap="200">
          <Line badge={<Badge tone="critical">Failed</Badge>} text={`Gave up after ${state.attempts} attempts, ${formatDateTime(state.finishedAt)} (UTC).`} />
          <Text as="p" tone="critical">
            {state.lastError}
          </Text>
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            <input type="hidden" name="jobId" value={state.jobId} />
            <Button submit>Retry</Button>
          </Form>
        </BlockStack>
      );
  }
}

function Line({ badge, text }: { badge: React.ReactNode; text: string }) {
  return (
    <InlineStack gap="200" blockAlign="center" wrap={false}>
      {badge}
      <Text as="p">{text}</Text>
    </InlineStack>
  );
}
