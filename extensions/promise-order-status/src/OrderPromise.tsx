import { useEffect, useState } from "preact/hooks";
import { compareDates } from "../../../app/domain/promise/civil-date";
import { promiseSentence } from "../../../app/domain/promise/promise-sentence";
import { KEPT_APP_URL } from "./backend-url";
import { civilDateIn, isOrderPromiseAnswer, type OrderPromiseAnswer } from "./order-promise-answer";

/** Waits between asks while the order is not recorded yet (its orders/create webhook is on its way). */
export const PENDING_RETRY_DELAYS_MS = [2_000, 4_000, 8_000];

async function askKept(orderId: string, surface: string): Promise<OrderPromiseAnswer | null> {
  try {
    const token = await shopify.sessionToken.get();
    const url = `${KEPT_APP_URL}/api/order-promise?order=${encodeURIComponent(orderId)}&surface=${surface}`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return isOrderPromiseAnswer(body) ? body : null;
  } catch {
    return null;
  }
}

/** The recorded answer, asking again a few times while Kept has not seen the order yet. */
function useOrderPromise(orderId: string | undefined, surface: string) {
  const [answer, setAnswer] = useState<OrderPromiseAnswer | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const run = async () => {
      for (let attempt = 0; orderId && isCurrent; attempt++) {
        const result = await askKept(orderId, surface);
        if (result?.status !== "pending" || attempt >= PENDING_RETRY_DELAYS_MS.length) {
          if (isCurrent) setAnswer(result);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, PENDING_RETRY_DELAYS_MS[attempt]));
      }
    };
    void run();
    return () => {
      isCurrent = false;
    };
  }, [orderId, surface]);
  return answer;
}

/**
 * This order's promise as Kept recorded it. "Delivered" and "on its way" only when Kept has that from the
 * carrier or Shopify; a promise date already past without news reads "was promised by", never a guess.
 * Nothing at all while unknown, without a promise, or when the backend cannot be reached.
 */
export function OrderPromise({ orderId, surface }: { orderId: string | undefined; surface: "checkout" | "customer-account" }) {
  const answer = useOrderPromise(orderId, surface);
  if (answer?.status !== "promised") return null;
  const locale = shopify.localization.language.value.isoCode;
  const timeZone = shopify.localization.timezone.value;
  let sentence: string;
  if (answer.delivery === "delivered") {
    sentence = promiseSentence(locale, "deliveredOn", civilDateIn(new Date(answer.deliveredAt), timeZone));
  } else if (answer.delivery === "in_transit") {
    sentence = promiseSentence(locale, "onItsWay", answer.promisedDate);
  } else {
    const isPast = compareDates(answer.promisedDate, civilDateIn(new Date(), timeZone)) < 0;
    sentence = promiseSentence(locale, isPast ? "promisedBy" : "arrivesBy", answer.promisedDate);
  }
  return <s-text>{sentence}</s-text>;
}
