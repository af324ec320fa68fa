import { FormLayout } from "@shopify/polaris";
import type { Rule } from "~/domain/rules/rule-model";
import { FormTextField, NumberField } from "~/components/common/FormTextField";
import { fromWallTime, toWallTime } from "~/domain/time/wall-time";

type Props = { rule: Rule; timeZone: string; onChange: (patch: Partial<Rule>) => void };

/** Shows an instant as the shop's wall clock; a value that is not an instant yet is shown as typed. */
const wallValue = (instant: string | undefined, timeZone: string) => (instant ? (toWallTime(instant, timeZone) ?? instant) : "");
/** Stores the wall clock of the shop's zone as an instant; empty means no limit. */
const instantValue = (wall: string, timeZone: string) => (wall === "" ? undefined : (fromWallTime(wall, timeZone) ?? wall));

/** Active dates, entered and shown in the shop's time zone and stored as instants, and the holdout share. */
export function ScheduleFields({ rule, timeZone, onChange }: Props) {
  return (
    <FormLayout>
      <FormLayout.Group>
        <FormTextField
          label="Starts"
          type="datetime-local"
          value={wallValue(rule.startsAt, timeZone)}
          onChange={(wall) => onChange({ startsAt: instantValue(wall, timeZone) })}
          helpText={`Shop time (${timeZone}). Empty: from now on.`}
          path="startsAt"
        />
        <FormTextField
          label="Ends"
          type="datetime-local"
          value={wallValue(rule.endsAt, timeZone)}
          onChange={(wall) => onChange({ endsAt: instantValue(wall, timeZone) })}
          helpText={`Shop time (${timeZone}), not included. Empty: no end.`}
          path="endsAt"
        />
      </FormLayout.Group>
      <NumberField
        label="Holdout"
        range={[0, 50]}
        suffix="%"
        value={rule.holdoutPercent}
        onChange={(holdoutPercent) => onChange({ holdoutPercent })}
        path="holdoutPercent"
        helpText="This share of matching orders gets nothing from this rule, chosen at random but the same every time, so you can measure what the insert changes. 0 = everyone gets it."
      />
    </FormLayout>
  );
}
