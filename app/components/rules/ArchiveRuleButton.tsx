import { Form } from "@remix-run/react";
import { Button } from "@shopify/polaris";

type Props = { id: string; name: string; archived: boolean };

/** Archives a rule (or restores an archived one): posts `intent` archive/restore with its `id` to the page's action. */
export function ArchiveRuleButton({ id, name, archived }: Props) {
  const label = archived ? "Restore" : "Archive";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
      <input type="hidden" name="id" value={id} />
      <Button submit variant="tertiary" accessibilityLabel={`${label} ${name}`}>
        {label}
      </Button>
    </Form>
  );
}
