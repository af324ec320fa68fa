import type { OrderRecord } from "./order-record";

// The Orders search finds an order by words (model OrderSearchTerm): each word the merchant types must begin
// one of the order's terms. Terms are the order's number (without "#"; punctuation around any word is dropped), each of the customer's names, the
// email and its domain, lower-cased in full Unicode (SQLite folds ASCII only, so "åsa" would miss "Åsa") and
// NFC-normalized (a name typed on a Mac matches one Shopify stored). A hyphenated or apostrophed name is a
// term whole and in parts, so "lena" finds "Anna-Lena" and "brien" finds "O'Brien".

export type SearchTerm = { term: string; customer: boolean };

/** At most this many words of a search count; a term or word is cut to this many characters. */
const MAX_WORDS = 6;
const MAX_LENGTH = 120;

const fold = (text: string) => text.normalize("NFC").toLowerCase();
const wordsOf = (text: string) => fold(text).split(/\s+/).filter(Boolean);
const partsOf = (word: string) => word.split(/[-'’]/).filter(Boolean);
/** A word without the punctuation around it: "#1042" is "1042", "(anna)" is "anna". */
const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/** The terms an order is found by: its number as not-the-customer's, the rest as the customer's (redact erases those). */
export function orderSearchTerms(order: Pick<OrderRecord, "name" | "customerName" | "email">): SearchTerm[] {
  const terms = new Map<string, boolean>();
  const add = (term: string, customer: boolean) => {
    // A term that is also the order's number is not the customer's: redact leaves it.
    const cut = term.slice(0, MAX_LENGTH);
    if (cut !== "" && terms.get(cut) !== false) terms.set(cut, customer);
  };
  for (const word of wordsOf(order.name)) for (const term of [bare(word), ...partsOf(bare(word))]) add(term, false);
  for (const word of wordsOf(order.customerName ?? "")) for (const term of [bare(word), ...partsOf(bare(word))]) add(term, true);
  const email = fold(order.email ?? "").trim();
  if (email !== "") {
    add(email, true);
    const at = email.lastIndexOf("@");
    if (at > 0) add(email.slice(at + 1), true);
  }
  return [...terms].map(([term, customer]) => ({ term, customer }));
}

/** The words of what the merchant typed, as terms begin: "#1042 Åsa" is ["1042", "åsa"]. */
export function searchWords(search: string): string[] {
  const words = wordsOf(search)
    .map((word) => bare(word).slice(0, MAX_LENGTH))
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_WORDS);
}
