import { promiseForFunctionOption } from "../../../app/domain/promise/checkout-promise";
import { weekdayOf, type Weekday } from "../../../app/domain/promise/civil-date";
import { readPromiseConfig } from "../../../app/domain/promise/promise-config-wire";
import { formatPromiseDateWithoutIntl } from "../../../app/domain/promise/promise-date-names";
import { PROMISE_MESSAGES, promiseLanguageOf } from "../../../app/domain/promise/promise-messages";

// The shape run.graphql asks for (schema.graphql, Delivery Customization API). Written by hand because
// `shopify app function typegen` needs the CLI; src/run.test.ts validates every fixture against the
// schema and the query, so a drift between this and run.graphql fails the tests.
export interface RunInput {
  cart: {
    deliveryGroups: {
      deliveryAddress: { countryCode: string | null; provinceCode: string | null; zip: string | null } | null;
      deliveryOptions: { handle: string; code: string | null; title: string | null; deliveryMethodType: string }[];
    }[];
  };
  localization: { language: { isoCode: string } };
  shop: {
    localTime: { date: string } & Record<Weekday, boolean>;
    metafield: { jsonValue: unknown } | null;
  };
}

export interface RenameOperation {
  deliveryOptionRename: { deliveryOptionHandle: string; title: string };
}

/** CartDeliveryOptionsTransformRunResult: Kept only ever renames; it never hides or moves an option. */
export interface RunResult {
  operations: RenameOperation[];
}

/**
 * Appends Kept's promise to each shipping option that has a lane: "Standard · Arrives by Fri 4 Dec",
 * in the shopper's language (the carrier name is prepended by Shopify). Options are never reordered or
 * hidden. A config that puts the line under the option in charge (Plus), local delivery, pickup, options
 * without a lane, shops whose Shopify delivery dates are on (or unknown) and a missing or invalid config
 * get nothing: one Kept date per option, never an invented one.
 *
 * The only clock is `shop.localTime`: its date, and per weekday whether the time is at or past that
 * day's cut-off. A shop whose Shopify time zone is not the warehouse zone gets nothing (the date could
 * be the wrong day).
 */
export function run(input: RunInput): RunResult {
  const config = readPromiseConfig(input.shop.metafield?.jsonValue);
  if (config === null) return { operations: [] };
  const language = promiseLanguageOf(input.localization.language.isoCode);
  const { date } = input.shop.localTime;
  const shopDay = { date, isBeforeCutoff: input.shop.localTime[weekdayOf(date)] === false };
  const operations: RenameOperation[] = [];
  const renamed = new Set<string>();
  for (const group of input.cart.deliveryGroups) {
    const address = group.deliveryAddress;
    if (!address?.countryCode) continue;
    const destination = { countryCode: address.countryCode, provinceCode: address.provinceCode ?? undefined, postalCode: address.zip ?? undefined };
    for (const option of group.deliveryOptions) {
      if (!option.title || renamed.has(option.handle)) continue;
      const decision = promiseForFunctionOption(config, option, destination, shopDay);
      if (decision.kind !== "promise") continue;
      const promise = PROMISE_MESSAGES[language].arrivesBy.replace("{date}", formatPromiseDateWithoutIntl(decision.promise.promised, language));
      operations.push({ deliveryOptionRename: { deliveryOptionHandle: option.handle, title: `${option.title} · ${promise}` } });
      renamed.add(option.handle);
    }
  }
  return { operations };
}
