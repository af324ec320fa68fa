import { describe, expect, it } from "vitest";
import { buildCustomerDataExport, readPersonalData } from "./customer-data-export";

const order = {
  id: 1001,
  email: "anna@example.com",
  phone: "+46701234567",
  note: "Leave at the door",
  browser_ip: "203.0.113.7",
  customer: {
    id: 7,
    first_name: "Anna",
    last_name: "Berg",
    email: "anna@example.com",
    default_address: { address1: "Storgatan 1", city: "Umeå", zip: "90325", country_code: "SE" },
  },
  shipping_address: { name: "Anna Berg", address1: "Storgatan 1", city: "Umeå", zip: "90325", country_code: "SE", latitude: 63.8, longitude: 20.3 },
  note_attributes: [{ name: "gift", value: "Happy birthday" }, { name: "empty", value: "" }, "not an object"],
};

describe("readPersonalData", () => {
  it("reads names, contacts, addresses, notes and IP addresses from an order body", () => {
    const data = readPersonalData(JSON.stringify(order));
    // The customer (first and last name) and the shipping address (its name); the default address has none.
    expect(data.names).toEqual(["Anna Berg", "Anna Berg"]);
    expect(data.emails).toEqual(["anna@example.com", "anna@example.com"]);
    expect(data.phones).toEqual(["+46701234567"]);
    expect(data.addresses.map((address) => address.city)).toEqual(["Umeå", "Umeå"]);
    expect(data.addresses[0]).toMatchObject({ name: "Anna Berg", latitude: 63.8, countryCode: "SE" });
    expect(data.notes).toEqual(["Leave at the door", "gift: Happy birthday"]);
    expect(data.ipAddresses).toEqual(["203.0.113.7"]);
  });

  it("skips fields of another type instead of refusing the body", () => {
    const data = readPersonalData(JSON.stringify({ email: 42, customer: "nobody", shipping_address: { city: ["x"], zip: "  " }, note: "  ok  " }));
    expect(data).toEqual({ names: [], emails: [], phones: [], addresses: [], notes: ["ok"], ipAddresses: [] });
  });

  it("finds nothing in a redacted or non-object body", () => {
    for (const body of ["[redacted]", "[1,2]", "null", '"text"']) expect(Object.values(readPersonalData(body)).flat()).toEqual([]);
  });
});

describe("buildCustomerDataExport", () => {
  it("keeps Kept's rows, de-duplicates the data found, and lists only the deliveries that carried some", () => {
    const receivedAt = new Date("2026-11-20T10:00:00Z");
    const exported = buildCustomerDataExport({
      customerGid: "gid://shopify/Customer/7",
      orders: [{ name: "#1001" }],
      deliveries: [
        { webhookId: "w1", topic: "orders/create", receivedAt, body: JSON.stringify(order) },
        { webhookId: "w2", topic: "orders/updated", receivedAt, body: JSON.stringify(order) },
        { webhookId: "w3", topic: "orders/updated", receivedAt, body: "[redacted]" },
      ],
    });
    expect(exported.orders).toEqual([{ name: "#1001" }]);
    expect(exported.personalDataInWebhooks.emails).toEqual(["anna@example.com"]);
    expect(exported.personalDataInWebhooks.sources.map((source) => source.webhookId)).toEqual(["w1", "w2"]);
    expect(exported).not.toHaveProperty("deliveries");
  });
});
