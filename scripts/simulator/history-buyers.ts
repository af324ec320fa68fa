import { personasFor, type CountryCode, type Persona } from "./destinations";
import type { CustomerRecord, ShopWorld } from "./fixtures";
import { seedFrom } from "./random";

// The buyers of the history scenario: a Swedish shop's weeks of orders need more than the demo week's few
// personas, so Swedish and German buyers are composed from common names and real towns (Norrland among them:
// postal codes 9xxxx). The other countries reuse the demo's personas (a few repeat buyers abroad).

type Place = [street: string, city: string, zip: string, lat: number, lng: number];

const SE_FIRST = [
  "Erik",
  "Karin",
  "Lars",
  "Ingrid",
  "Johan",
  "Elin",
  "Oskar",
  "Sara",
  "Nils",
  "Emma",
  "Anders",
  "Märta",
  "Gustav",
  "Linnéa",
  "Per",
  "Hanna",
  "Olof",
  "Sofia",
  "Mikael",
  "Frida",
];
const SE_LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jönsson",
  "Bergström",
  "Lindqvist",
  "Åberg",
  "Sjöberg",
  "Lindström",
  "Holm",
  "Ek",
  "Wallin",
];
const SE_PLACES: Place[] = [
  ["Drottninggatan", "Stockholm", "111 51", 59.3326, 18.0649],
  ["Götgatan", "Stockholm", "116 46", 59.3142, 18.0727],
  ["Kungsgatan", "Göteborg", "411 19", 57.7055, 11.9668],
  ["Södergatan", "Malmö", "211 34", 55.6036, 13.0007],
  ["Kungsgatan", "Uppsala", "753 21", 59.8586, 17.6389],
  ["Vasagatan", "Västerås", "722 15", 59.6099, 16.5448],
  ["Drottninggatan", "Örebro", "702 10", 59.2741, 15.2066],
  ["Storgatan", "Linköping", "582 23", 58.4108, 15.6214],
  ["Östra Storgatan", "Jönköping", "553 21", 57.7826, 14.1618],
  ["Södra Storgatan", "Helsingborg", "252 23", 56.0465, 12.6945],
  ["Storgatan", "Umeå", "903 26", 63.8258, 20.263],
  ["Skeppsbrogatan", "Luleå", "972 31", 65.5848, 22.1547],
  ["Esplanaden", "Sundsvall", "852 31", 62.3908, 17.3069],
  ["Hjalmar Lundbohmsvägen", "Kiruna", "981 31", 67.8558, 20.2253],
];
const DE_FIRST = ["Lukas", "Anna", "Jonas", "Marie", "Felix", "Sophie", "Paul", "Lea", "Maximilian", "Hannah", "Jürgen", "Käthe"];
const DE_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schäfer", "Koch", "Weiß", "Groß"];
const DE_PLACES: Place[] = [
  ["Torstraße", "Berlin", "10119", 52.5291, 13.4014],
  ["Schönhauser Allee", "Berlin", "10435", 52.5386, 13.4124],
  ["Mönckebergstraße", "Hamburg", "20095", 53.5506, 10.0004],
  ["Ehrenstraße", "Köln", "50672", 50.9385, 6.9419],
  ["Berger Straße", "Frankfurt am Main", "60316", 50.1229, 8.6985],
  ["Königstraße", "Stuttgart", "70173", 48.7784, 9.1773],
  ["Karl-Liebknecht-Straße", "Leipzig", "04107", 51.3275, 12.3747],
  ["Königsallee", "Düsseldorf", "40212", 51.2231, 6.7797],
  ["Leopoldstraße", "München", "80802", 48.1611, 11.5856],
];

const ASCII: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e", ü: "ue", ß: "ss" };
const emailPart = (text: string) => text.toLowerCase().replace(/[åäöéüß]/g, (char) => ASCII[char] ?? char);

function composed(country: "SE" | "DE", count: number): Persona[] {
  const [first, last, places, domain, phone] =
    country === "SE" ? [SE_FIRST, SE_LAST, SE_PLACES, "example.se", "+4673"] : [DE_FIRST, DE_LAST, DE_PLACES, "example.de", "+49160"];
  const [template] = personasFor(country);
  return Array.from({ length: count }, (_, index) => {
    const [street, city, zip, latitude, longitude] = places[(index * 7) % places.length] as Place;
    const firstName = first[index % first.length] as string;
    const lastName = last[Math.floor(index / first.length + index * 3) % last.length] as string;
    return {
      ...(template as Persona),
      first_name: firstName,
      last_name: lastName,
      email: `${emailPart(firstName)}.${emailPart(lastName)}${index}@${domain}`,
      phone: `${phone}${String(2_000_000 + index * 7_919).slice(-7)}`,
      company: null,
      address1: `${street} ${1 + ((index * 13) % 87)}`,
      address2: null,
      city,
      province: country === "DE" ? null : template!.province,
      province_code: country === "DE" ? null : template!.province_code,
      zip,
      latitude,
      longitude,
    };
  });
}

/** Where the history's orders ship: a Swedish shop, mostly domestic, Germany its biggest market abroad. */
const COUNTRY_MIX: Array<[CountryCode, number]> = [
  ["SE", 0.68],
  ["DE", 0.15],
  ["FR", 0.05],
  ["ES", 0.04],
  ["US", 0.04],
  ["JP", 0.025],
  ["RU", 0.015],
];

const BUYERS: Record<CountryCode, Persona[]> = {
  SE: composed("SE", 400),
  DE: composed("DE", 120),
  FR: personasFor("FR"),
  ES: personasFor("ES"),
  US: personasFor("US"),
  JP: personasFor("JP"),
  RU: personasFor("RU"),
};

/** A buyer for the next order: the destination by the shop's country mix, then one of that country's buyers. */
export function pickBuyer(world: ShopWorld): Persona {
  let roll = world.rng.next();
  const country = COUNTRY_MIX.find(([, share]) => (roll -= share) < 0)?.[0] ?? "SE";
  return world.rng.pick(BUYERS[country]);
}

/**
 * Customer records shared by every simulated day: a buyer keeps one customer id (derived from the email, not
 * from how many days were built before) and an account created at a fixed date in 2025.
 */
export function createCustomerBook(): ShopWorld["customerFor"] {
  const book = new Map<string, CustomerRecord>();
  return (persona) => {
    const known = book.get(persona.email);
    if (known) return known;
    const hash = seedFrom("customer", persona.email);
    const createdAt = new Date(Date.UTC(2025, 0, 1) + (hash % 365) * 86_400_000 + (hash % 86_400) * 1000);
    const record: CustomerRecord = { id: 7_900_000_000_000 + (hash % 1_000_000_000), persona, createdAt, state: "enabled", ordersPlaced: 0 };
    book.set(persona.email, record);
    return record;
  };
}
