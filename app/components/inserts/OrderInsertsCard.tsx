import { Badge, BlockStack, Box, Card, Text } from "@shopify/polaris";
import { ColumnTable, type TableSpec } from "~/components/common/TableCard";
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

const ASSIGNMENTS_TABLE: TableSpec<Assignment> = {
  noun: "rule",
  rowId: (row) => row.id,
  columns: [
    {
      heading: "Rule",
      cell: (row) => (
        <>
          {row.ruleName} (v{row.ruleVersion})
        </>
      ),
    },
    {
      heading: "What it gives",
      cell: (row) => (
        <>
          {describeCard(row)}
          {row.discountError ? (
            <Text as="span" tone="critical">
              {" "}
              {row.discountError}
            </Text>
          ) : null}
        </>
      ),
    },
    { heading: "Printed", cell: (row) => (row.templateId && !row.holdout ? formatDateTime(row.printedAt) : "—") },
  ],
};

const JOBS_TABLE: TableSpec<Job> = {
  noun: "job",
  rowId: (job) => job.id,
  columns: [
    { heading: "Job", cell: (job) => job.type },
    { heading: "Status", cell: (job) => <Badge tone={JOB_TONE[job.status as keyof typeof JOB_TONE]}>{job.status}</Badge> },
    {
      heading: "Attempts",
      cell: (job) => (
        <>
          {job.attempts}/{job.maxAttempts}
        </>
      ),
    },
    { heading: "Finished", cell: (job) => formatDateTime(job.finishedAt) },
    {
      heading: "Last error",
      cell: (job) => (
        <Text as="span" tone={job.lastError ? "critical" : "subdued"}>
          {job.lastError ?? "—"}
        </Text>
      ),
    },
  ],
};

const NO_JOBS = (
  <Box padding="400">
    <Text as="p">No insert jobs for this order.</Text>
  </Box>
);

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
      {assignments.length > 0 ? <ColumnTable table={ASSIGNMENTS_TABLE} rows={assignments} /> : null}
      <Box padding="400">
        <Text as="h3" variant="headingSm">
          Jobs
        </Text>
      </Box>
      <ColumnTable table={JOBS_TABLE} rows={jobs} emptyState={NO_JOBS} />
    </Card>
  );
}
