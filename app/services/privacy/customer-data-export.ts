import { z } from "zod";
import type { StoredCustomerData } from "~/models/privacy/customer-data.server";
import { parseShopifyJson } from "~/domain/shopify/shopify-json";

// The file the merchant hands over for customers/data_request: Kept's own rows about the customer, and the
// personal data the raw webhook bodies Kept keeps carry (names, emails, phones, addresses, notes, IP
// addresses), each with the deliveries it came from. Pure: no I/O.

/** An address as Shopify sends it (shipping, billing, default, fulfillment destination, carrier scan place). */
export type ExportAddress = {
  name: string | null; company: string | null; address1: string | null; address2: string | null; city: string | null;
  zip: string | null; province: string | null; country: string | null; countryCode: string | null; phone: string | null; latitude: number | null; longitude: number | null;
};

export type PersonalData = { names: string[]; emails: string[]; phones: string[]; addresses: ExportAddress[]; notes: string[]; ipAddresses: string[] };

// Lenient on purpose: the export must read whatever shape a stored body has; a field of another type is skipped.
const text = z.unknown().transform((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null));
const coordinate = z.unknown().transform((value) => (typeof value === "number" && Number.isFinite(value) ? value : null));

/** An object field that may be missing or of another type: null then. */
function nested<S extends z.ZodTypeAny>(schema: S) {
  return z.unknown().transform((value): z.output<S> | null => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
}

/** An array field: its readable items. */
function list<S extends z.ZodTypeAny>(schema: S) {
  return z.unknown().transform((value): z.output<S>[] =>
    Array.isArray(value) ? value.flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }) : [],
  );
}

const place = z.object({
  first_name: text, last_name: text, name: text, email: text, phone: text, company: text, address1: text, address2: text, city: text,
  zip: text, province: text, country: text, country_code: text, latitude: coordinate, longitude: coordinate,
});
type Place = z.output<typeof place>;

const bodySchema = place.extend({
  contact_email: text,
  note: text,
  browser_ip: text,
  client_details: nested(z.object({ browser_ip: text })),
  customer: nested(place.extend({ default_address: nested(place) })),
  billing_address: nested(place),
  shipping_address: nested(place),
  destination: nested(place),
  fulfillments: list(z.object({ destination: nested(place) })),
  note_attributes: list(z.object({ name: text, value: text })),
});

const fullName = (part: Place | null) => part?.name ?? ([part?.first_name, part?.last_name].filter(Boolean).join(" ") || null);

/** The address in `part`, when it has one (a street, city, zip or coordinates). */
function toAddress(part: Place | null): ExportAddress | null {
  if (!part || [part.address1, part.city, part.zip, part.latitude].every((value) => value === null)) return null;
  const { company, address1, address2, city, zip, province, country, country_code: countryCode, phone, latitude, longitude } = part;
  return { name: fullName(part), company, address1, address2, city, zip, province, country, countryCode, phone, latitude, longitude };
}

const present = <T>(values: (T | null | undefined)[]): T[] => values.filter((value): value is T => value !== null && value !== undefined);

/** The personal data in one stored webhook body; nothing for a body that is not JSON (e.g. "[redacted]"). */
export function readPersonalData(body: string): PersonalData {
  const empty: PersonalData = { names: [], emails: [], phones: [], addresses: [], notes: [], ipAddresses: [] };
  let json: unknown;
  try {
    json = parseShopifyJson(body);
  } catch {
    return empty;
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return empty;
  const data = parsed.data;
  const people = [data.customer, data.billing_address, data.shipping_address, data.destination, data.customer?.default_address ?? null,
    ...data.fulfillments.map((fulfillment) => fulfillment.destination)];
  return {
    names: present(people.map(fullName)),
    emails: present([data.email, data.contact_email, ...people.map((part) => part?.email)]),
    phones: present([data.phone, ...people.map((part) => part?.phone)]),
    // The body's own place fields are a carrier scan's location; its `name` is the order's or fulfillment's.
    addresses: present([{ ...data, name: null }, ...people].map(toAddress)),
    notes: present([data.note, ...data.note_attributes.map((attribute) => (attribute.value ? `${attribute.name ?? "note"}: ${attribute.value}` : null))]),
    ipAddresses: present([data.browser_ip, data.client_details?.browser_ip]),
  };
}

const unique = <T>(values: T[]) => [...new Map(values.map((value) => [JSON.stringify(value), value])).values()];

/**
 * The data-request export: Kept's rows (orders, fulfillments, carrier scans, promises, insert evaluations and
 * assignments with codes, plan and printed state, follow-ups), and the personal data of the stored webhook
 * bodies, de-duplicated, with the deliveries it was read from. The raw bodies themselves are not copied.
 */
export function buildCustomerDataExport(stored: StoredCustomerData) {
  const { deliveries, ...rows } = stored;
  const found = deliveries.map((delivery) => ({ delivery, data: readPersonalData(delivery.body) }));
  const collect = <T>(pick: (data: PersonalData) => T[]) => unique(found.flatMap(({ data }) => pick(data)));
  return {
    ...rows,
    personalDataInWebhooks: {
      names: collect((data) => data.names), emails: collect((data) => data.emails), phones: collect((data) => data.phones),
      addresses: collect((data) => data.addresses), notes: collect((data) => data.notes), ipAddresses: collect((data) => data.ipAddresses),
      sources: found
        .filter(({ data }) => Object.values(data).some((values) => values.length > 0))
        .map(({ delivery }) => ({ webhookId: delivery.webhookId, topic: delivery.topic, receivedAt: delivery.receivedAt })),
    },
  };
}
