import { Form, useNavigation } from "@remix-run/react";
import { Badge, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { stableJson, toDraft, type Draft } from "./draft";

type Props = { draft: Draft; saved: Record<string, unknown>; nextVersion: number };

/** Saves the whole document as a new version (the server validates it again; nothing invalid is stored). */
export function SaveBar({ draft, saved, nextVersion }: Props) {
  const navigation = useNavigation();
  const isSaving = navigation.state !== "idle" && navigation.formData?.get("intent") === "save";
  const isDirty = stableJson(draft) !== stableJson(toDraft(saved));
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="document" value={JSON.stringify(draft)} />
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            {isDirty ? <Badge tone="attention">Unsaved changes</Badge> : <Badge>Saved</Badge>}
            <Text as="p" tone="subdued">
              Saving creates version {nextVersion} and publishes it to checkout.
            </Text>
          </InlineStack>
          <Button submit variant="primary" loading={isSaving}>{`Save as version ${nextVersion}`}</Button>
        </InlineStack>
      </Form>
    </Card>
  );
}
