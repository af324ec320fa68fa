import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { promiseForCheckoutOption, type CheckoutOption } from "../../../app/domain/promise/checkout-promise";
import { isPromiseConfig } from "../../../app/domain/promise/promise-config";
import { readPromiseConfig } from "../../../app/domain/promise/promise-config-wire";
import { promiseSentence } from "../../../app/domain/promise/promise-sentence";

export default async () => {
  render(<ShippingOptionPromise />, document.body);
};

/** The config Kept published to the shop metafield, or null when it is missing or invalid. */
function publishedConfig() {
  const entry = shopify.appMetafields.value.find(
    ({ target, metafield }) => target.type === "shop" && metafield.namespace === "$app:promise" && metafield.key === "config",
  );
  const config = readPromiseConfig(entry?.metafield.value);
  return config !== null && isPromiseConfig(config) ? config : null;
}

/** The option as the engine's policy needs it; the mock and the host may omit the transit estimate. */
function describeOption(): CheckoutOption {
  const option = shopify.target.value;
  const estimate = "deliveryEstimate" in option ? option.deliveryEstimate : undefined;
  const timeInTransit = estimate && "timeInTransit" in estimate ? estimate.timeInTransit : undefined;
  return { handle: option.handle, code: option.code, title: option.title, type: option.type, timeInTransit };
}

/**
 * "Arrives by Mon 7 Dec" under a shipping option: Kept's padded promise from Shopify's transit estimate
 * when it has one, the lane's transit otherwise. Nothing at all without a valid config, when the config
 * puts the option's title in charge (the Function dates it there), without a lane, for local delivery,
 * and where Shopify shows its own date (no double dates).
 */
function ShippingOptionPromise() {
  const config = publishedConfig();
  const address = shopify.shippingAddress?.value;
  if (config === null || !address?.countryCode) return null;
  const destination = { countryCode: address.countryCode, provinceCode: address.provinceCode, postalCode: address.zip };
  const result = promiseForCheckoutOption(config, describeOption(), destination, Date.now());
  if (result.kind !== "promise") return null;
  const locale = shopify.localization.language.value.isoCode;
  return <s-text>{promiseSentence(locale, "arrivesBy", result.promise.promised)}</s-text>;
}
