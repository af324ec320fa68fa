import type { CountryCode } from "./destinations";

// Prices live in the shop currency (SEK); presentment money is what the buyer saw at checkout.
const PRESENTMENT: Record<CountryCode, { currency: string; rate: number; decimals: number }> = {
  SE: { currency: "SEK", rate: 1, decimals: 2 },
  DE: { currency: "EUR", rate: 0.087, decimals: 2 },
  FR: { currency: "EUR", rate: 0.087, decimals: 2 },
  ES: { currency: "EUR", rate: 0.087, decimals: 2 },
  US: { currency: "USD", rate: 0.094, decimals: 2 },
  JP: { currency: "JPY", rate: 14.3, decimals: 0 },
  RU: { currency: "SEK", rate: 1, decimals: 2 },
};

export type Presentment = { currency: string; rate: number; decimals: number };

export function presentmentFor(country: CountryCode | null): Presentment {
  return country ? PRESENTMENT[country] : PRESENTMENT.SE;
}

/** Shopify money strings: always a decimal string, never a number. */
export function amount(value: number, decimals = 2): string {
  return (Math.round(value * 100) / 100).toFixed(decimals);
}

/** A `*_set` money bag: the same amount in shop and presentment currency. */
export function moneyBag(shopAmount: number, presentment: Presentment, shopCurrency = "SEK") {
  return {
    shop_money: { amount: amount(shopAmount), currency_code: shopCurrency },
    presentment_money: { amount: amount(shopAmount * presentment.rate, presentment.decimals), currency_code: presentment.currency },
  };
}

/** VAT contained in a tax-inclusive price (Swedish shop: prices include 25 % VAT). */
export function includedTax(gross: number, rate = 0.25): number {
  return Math.round((gross - gross / (1 + rate)) * 100) / 100;
}
