import { parseDecimalToMicros } from "./decimal";
import { classifySalesChannel, normalizeLocale, normalizeText, readLineField } from "./order-facts";
import type { LineItemField, SalesChannel } from "./rule-model";
import type { RuleOrder } from "./rule-order";

/**
 * An order plus normalized readings (exact total, lower-cased tag sets, …) computed on first use and shared by
 * every rule evaluated against it, so 50 rules don't lower-case the same tags 50 times.
 */
export class PreparedOrder {
  readonly order: RuleOrder;
  private total: bigint | null | undefined;
  private orderTags: Set<string> | undefined;
  private customerTags: Set<string> | undefined;
  private codes: Set<string> | undefined;
  private locale: string | null | undefined;
  private lineValues: Partial<Record<LineItemField, string[]>> = {};

  constructor(order: RuleOrder) {
    this.order = order;
  }

  /** The order total in millionths, or null when the total is not a plain decimal. */
  get totalMicros(): bigint | null {
    if (this.total === undefined) this.total = parseDecimalToMicros(this.order.totalPrice);
    return this.total;
  }

  get orderTagSet(): Set<string> {
    this.orderTags ??= new Set(this.order.tags.map(normalizeText));
    return this.orderTags;
  }

  /** Null when the customer's tags are unknown. */
  get customerTagSet(): Set<string> | null {
    if (this.order.customerTags === null) return null;
    this.customerTags ??= new Set(this.order.customerTags.map(normalizeText));
    return this.customerTags;
  }

  get discountCodeSet(): Set<string> {
    this.codes ??= new Set(this.order.discountCodes.map(normalizeText));
    return this.codes;
  }

  get normalizedLocale(): string | null {
    if (this.locale === undefined) this.locale = this.order.customerLocale === null ? null : normalizeLocale(this.order.customerLocale);
    return this.locale;
  }

  get salesChannel(): SalesChannel {
    return classifySalesChannel(this.order.sourceName);
  }

  /** The non-empty values of one field across all lines, normalized like the rule side. */
  lineValuesOf(field: LineItemField): string[] {
    let values = this.lineValues[field];
    if (values === undefined) {
      values = [];
      for (const line of this.order.lines) {
        const value = readLineField(line, field);
        if (value !== null) values.push(value);
      }
      this.lineValues[field] = values;
    }
    return values;
  }
}
