import { parseShopifyJson } from "../shopify/shopify-json";

// The file the merchant hands over for customers/data_request: Kept's own rows about the customer, and the
// personal data the raw webhook bodies Kept keeps carry (names, emails, phones, addresses, notes, IP
// addresses), each with the deliveries it came from. Pure: no I/O.

/** An address as Shopify sends it (shipping, billing, default, fulfillment destination, carrier scan place). */
type ExportAddress = {
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  zip: string | null;
  province: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** A webhook delivery Kept stored whose body may carry the customer's data. */
export type StoredDelivery = { webhookId: string; topic: string; receivedAt: Date; body: string };

export type PersonalData = { names: string[]; emails: string[]; phones: string[]; addresses: ExportAddress[]; notes: string[]; ipAddresses: string[] };

/** A JSON object, or null for anything else: the export reads whatever shape a stored body has. */
type Json = Record<string, unknown>;
const objectOf = (value: unknown): Json | null => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : null);
/** A non-blank string, trimmed; a field of another type is skipped (null). */
const textOf = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const coordinateOf = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.map(objectOf).filter((item): item is Json => item !== null) : []);

const PLACE_TEXT = [
  "first_name",
  "last_name",
  "name",
  "email",
  "phone",
  "company",
  "address1",
  "address2",
  "city",
  "zip",
  "province",
  "country",
  "country_code",
] as const;
type Place = Record<(typeof PLACE_TEXT)[number], string | null> & { latitude: number | null; longitude: number | null };

/** The person and address fields of a Shopify object (customer, address, fulfillment destination, carrier scan). */
function placeOf(value: unknown): Place | null {
  const json = objectOf(value);
  if (!json) return null;
  const place = Object.fromEntries(PLACE_TEXT.map((field) => [field, textOf(json[field])])) as Record<(typeof PLACE_TEXT)[number], string | null>;
  return { ...place, latitude: coordinateOf(json.latitude), longitude: coordinateOf(json.longitude) };
}

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
  const data = objectOf(json);
  const top = placeOf(json);
  if (!data || !top) return empty;
  const customer = objectOf(data.customer);
  const people = [
    placeOf(customer),
    placeOf(data.billing_address),
    placeOf(data.shipping_address),
    placeOf(data.destination),
    placeOf(customer?.default_address),
    ...listOf(data.fulfillments).map((fulfillment) => placeOf(fulfillment.destination)),
  ];
  const noteAttributes = listOf(data.note_attributes).map((attribute) => ({ name: textOf(attribute.name), value: textOf(attribute.value) }));
  return {
    names: present(people.map(fullName)),
    // email_address: the consent update (customers_email_marketing_consent/update).
    emails: present([top.email, textOf(data.contact_email), textOf(data.email_address), ...people.map((part) => part?.email)]),
    phones: present([top.phone, ...people.map((part) => part?.phone)]),
    // The body's own place fields are a carrier scan's location; its `name` is the order's or fulfillment's.
    addresses: present([{ ...top, name: null }, ...people].map(toAddress)),
    notes: present([textOf(data.note), ...noteAttributes.map((attribute) => (attribute.value ? `${attribute.name ?? "note"}: ${attribute.value}` : null))]),
    ipAddresses: present([textOf(data.browser_ip), textOf(objectOf(data.client_details)?.browser_ip)]),
  };
}

const unique = <T>(values: T[]) => [...new Map(values.map((value) => [JSON.stringify(value), value])).values()];

/**
 * The data-request export: Kept's rows (orders, fulfillments, carrier scans, promises, insert evaluations and
 * assignments with codes, plan and printed state, follow-ups), and the personal data of the stored webhook
 * bodies, de-duplicated, with the deliveries it was read from. The raw bodies themselves are not copied.
 */
export function buildCustomerDataExport<Rows extends object>(stored: Rows & { deliveries: StoredDelivery[] }) {
  const { deliveries, ...rows } = stored;
  const found = deliveries.map((delivery) => ({ delivery, data: readPersonalData(delivery.body) }));
  const collect = <T>(pick: (data: PersonalData) => T[]) => unique(found.flatMap(({ data }) => pick(data)));
  return {
    ...rows,
    personalDataInWebhooks: {
      names: collect((data) => data.names),
      emails: collect((data) => data.emails),
      phones: collect((data) => data.phones),
      addresses: collect((data) => data.addresses),
      notes: collect((data) => data.notes),
      ipAddresses: collect((data) => data.ipAddresses),
      sources: found
        .filter(({ data }) => Object.values(data).some((values) => values.length > 0))
        .map(({ delivery }) => ({ webhookId: delivery.webhookId, topic: delivery.topic, receivedAt: delivery.receivedAt })),
    },
  };
}
