import { Select } from "@shopify/polaris";
import type { CheckoutSurfaceState } from "~/services/promise/decide-option-rows.server";
import { errorAt, type FieldError } from "~/utils/form-json";
import type { Draft } from "./draft";
import { SectionCard } from "~/components/common/SectionCard";

type Props = { draft: Draft; onChange: (next: Draft) => void; errors: FieldError[]; surface: CheckoutSurfaceState | null };

const CHOICES = [
  { label: "Automatic: under the shipping option on Shopify Plus, in its title on other plans", value: "auto" },
  { label: "Under the shipping option (Shopify Plus only)", value: "option" },
  { label: "In the shipping option's title", value: "title" },
];

/** What the choice leads to for this shop, from the plan Shopify last reported. */
function outcome(surface: CheckoutSurfaceState | null): string {
  if (surface === null) return "";
  const where = surface.active === "option" ? "under each shipping option" : "in the shipping option's title";
  if (surface.shopifyPlus === null) return `Kept has not read your Shopify plan yet, so shoppers see the date ${where} (it works on every plan).`;
  if (!surface.shopifyPlus)
    return `Your store is not on Shopify Plus, so shoppers see the date ${where}: only Plus checkouts show extensions on the shipping step.`;
  return `Your store is on Shopify Plus: shoppers see the date ${where}.`;
}

/**
 * Where checkout shows Kept's date. Only one place ever dates an option, so a shopper never sees two
 * Kept dates; only Plus stores can choose (the line under the option is a Plus-only checkout extension).
 */
export function CheckoutSurfaceSection({ draft, onChange, errors, surface }: Props) {
  return (
    <SectionCard title="Where shoppers see the date at checkout" gap="300">
      <Select
        label="Kept's date at checkout"
        options={CHOICES}
        value={draft.checkoutSurface ?? "auto"}
        onChange={(value) => onChange({ ...draft, checkoutSurface: value as NonNullable<Draft["checkoutSurface"]> })}
        helpText={`One place per shipping option, never both. ${outcome(surface)}`}
        error={errorAt(errors, "checkoutSurface")}
      />
    </SectionCard>
  );
}
