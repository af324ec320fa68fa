/** @jsxImportSource preact */
import { useState } from "preact/hooks";
import { PRINT_PAPERS, printUrlFor } from "../../app/domain/inserts/print-url";

/**
 * The print action both extensions render: the admin previews and prints what `src` points at (the app's
 * /print/inserts route for the selected orders); a paper choice overrides the inserts' own paper.
 */
export function PrintInsertsAction({ selected, description }: { selected: readonly { id: string }[]; description: string }) {
  const [paper, setPaper] = useState("");
  const src = printUrlFor(selected, paper);
  return (
    <s-admin-print-action src={src ?? undefined}>
      <s-stack gap="base">
        <s-text>{description}</s-text>
        <s-select label="Paper" value={paper} onChange={(event) => setPaper(event.currentTarget.value)}>
          <s-option value="">As set for each insert</s-option>
          {PRINT_PAPERS.map((size) => (
            <s-option key={size} value={size}>
              {size}
            </s-option>
          ))}
        </s-select>
      </s-stack>
    </s-admin-print-action>
  );
}
