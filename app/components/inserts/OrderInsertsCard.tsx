import { Badge, BlockStack, Box, Card, IndexTable, Text } from "@shopify/polaris";
import { formatDateTime } from "~/utils/format";

type Assignment = {
  id: string;
  ruleId: string;
  ruleName: string;
  ruleVersion: number;
  holdout: boolean;
  templateId: string | null;
  itemLabel: string | null;
  discountCode: string | null;
  discountStatus: string | null;
  discountError: string | null;
  printedAt: string | Date | null;
};
type Job = { id: string; type: string; status: string; attempts: number; maxAttempts: number; lastError: string | null; finishedAt: string | Date | null };
type Props = {
  evaluation: { evaluatedAt: string | Date; packingPlan: string; printedAt: string | Date | null } | null;
  assignments: Assignment[];
  jobs: Job[];
};

const JOB_TONE = { done: "success", dead: "critical", pending: "attention", running: "info", cancelled: undefined } as const;

function describeCard(row: Assignment): string {
  if (row.holdout) return "held out (gets nothing)";
  const parts = [
    row.templateId ? `card ${row.templateId}` : null,
    row.itemLabel ? `item: ${row.itemLabel}` : null,
    row.discountCode ? `code ${row.discountCode} (${row.discountStatus ?? "pending"})` : null,
  ];
  return parts.filter(Boolean).join(" · ") || "nothing";
}

/**
 * The order's package inserts as the merchant checks them: the packing plan, each rule's card and whether it
 * printed, and the jobs that decided the order, created its codes and wrote the tag and plan back to Shopify.
 */
export function OrderInsertsCard({ evaluation, assignments, jobs }: Props) {
  if (!evaluation && jobs.length === 0) return null;
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Package inserts
          </Text>
          {evaluation ? (
            <Text as="p">
              {evaluation.packingPlan || "Nothing goes into this parcel."}{" "}
              <Text as="span" tone="subdued">
                Decided {formatDateTime(evaluation.evaluatedAt)}.
              </Text>
            </Text>
          ) : (
            <Text as="p" tone="subdued">
              Not decided yet.
            </Text>
          )}
        </BlockStack>
      </Box>
      {assignments.length > 0 ? (
        <IndexTable
          resourceName={{ singular: "rule", plural: "rules" }}
          itemCount={assignments.length}
          selectable={false}
          headings={[{ title: "Rule" }, { title: "What it gives" }, { title: "Printed" }]}
        >
          {assignments.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index}>
              <IndexTable.Cell>
                {row.ruleName} (v{row.ruleVersion})
              </IndexTable.Cell>
              <IndexTable.Cell>
                {describeCard(row)}
                {row.discountError ? (
                  <Text as="span" tone="critical">
                    {" "}
                    {row.discountError}
                  </Text>
                ) : null}
              </IndexTable.Cell>
              <IndexTable.Cell>{row.templateId && !row.holdout ? formatDateTime(row.printedAt) : "—"}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      ) : null}
      <Box padding="400">
        <Text as="h3" variant="headingSm">
          Jobs
        </Text>
      </Box>
      <IndexTable
        resourceName={{ singular: "job", plural: "jobs" }}
        itemCount={jobs.length}
        selectable={false}
        emptyState={
          <Box padding="400">
            <Text as="p">No insert jobs for this order.</Text>
          </Box>
        }
        headings={[{ title: "Job" }, { title: "Status" }, { title: "Attempts" }, { title: "Finished" }, { title: "Last error" }]}
      >
        {jobs.map((job, index) => (
          <IndexTable.Row id={job.id} key={job.id} position={index}>
            <IndexTable.Cell>{job.type}</IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone={JOB_TONE[job.status as keyof typeof JOB_TONE]}>{job.status}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {job.attempts}/{job.maxAttempts}
            </IndexTable.Cell>
            <IndexTable.Cell>{formatDateTime(job.finishedAt)}</IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" tone={job.lastError ? "critical" : "subdued"}>
                {job.lastError ?? "—"}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
