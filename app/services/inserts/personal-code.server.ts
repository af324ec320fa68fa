import { randomBytes } from "node:crypto";
import transliterate from "@sindresorhus/transliterate";

/** Letters and digits a customer cannot misread: no 0/O and no 1/I. 32 symbols, so one byte maps evenly. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const RANDOM_SYMBOLS = 8; // 40 bits: unguessable for a single-use code
const NAME_CHARS = 10;

/** "Zoë" → "ZOE", "Анна" → "ANNA", "José María" → "JOSEMARIA"; scripts with no Latin spelling here (さくら) → "". */
export function latinNamePart(name: string | null | undefined): string {
  if (!name) return "";
  return transliterate(name)
    .toUpperCase()
    .replace(/[^A-Z]/g, "")
    .slice(0, NAME_CHARS);
}

/** Eight random symbols from CODE_ALPHABET in two groups of four ("7KQ2-XM4P"). `bytes` is for tests. */
export function randomCodePart(bytes: Uint8Array = randomBytes(RANDOM_SYMBOLS)): string {
  const symbols = Array.from(bytes.subarray(0, RANDOM_SYMBOLS), (byte) => CODE_ALPHABET[byte & 31]);
  return `${symbols.slice(0, 4).join("")}-${symbols.slice(4).join("")}`;
}

/**
 * A personal discount code such as "ANNA-7KQ2-XM4P": the rule's prefix if it has one, else the customer's
 * first name in Latin letters, else no prefix ("7KQ2-XM4P"); then 40 random bits in readable symbols.
 */
export function choosePersonalCode(args: { prefix?: string; firstName?: string | null; bytes?: Uint8Array }): string {
  const head = args.prefix ? args.prefix.toUpperCase() : latinNamePart(args.firstName);
  const tail = randomCodePart(args.bytes);
  return head ? `${head}-${tail}` : tail;
}
