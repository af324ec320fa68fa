// Buyers and their addresses, per destination country. Names and streets are written the way shoppers
// type them (Cyrillic, Japanese, Arabic, åäö, ß), because that is what breaks templates and labels.

export type CountryCode = "SE" | "DE" | "US" | "FR" | "ES" | "RU" | "JP";

export type Persona = {
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  province_code: string | null;
  zip: string;
  country_code: CountryCode;
  latitude: number;
  longitude: number;
  locale: "en" | "de-DE" | "sv" | "ru" | "fr" | "es";
};

export const COUNTRY_NAMES: Record<CountryCode, string> = {
  SE: "Sweden",
  DE: "Germany",
  US: "United States",
  FR: "France",
  ES: "Spain",
  RU: "Russia",
  JP: "Japan",
};

type Row = [first: string, last: string, email: string, address1: string, city: string, zip: string, lat: number, lng: number];
type CountryInfo = {
  locale: Persona["locale"];
  phonePrefix: string;
  province: [name: string, code: string] | null;
  rows: Row[];
};

const COUNTRIES: Record<CountryCode, CountryInfo> = {
  SE: {
    locale: "sv",
    phonePrefix: "+4670",
    province: null,
    rows: [
      ["Åsa", "Öberg", "asa.oberg@example.se", "Västra Hamngatan 12", "Göteborg", "411 17", 57.7049, 11.9643],
      ["Anna", "Lindqvist", "anna.lindqvist@example.se", "Sveavägen 44", "Stockholm", "111 34", 59.3378, 18.0625],
      ["Björn", "Ängström", "bjorn.a@example.se", "Stora Torget 3", "Uppsala", "753 20", 59.8586, 17.6389],
      ["Maja", "Håkansson", "maja.h@example.se", "Södra Förstadsgatan 8", "Malmö", "211 43", 55.5986, 13.0011],
    ],
  },
  DE: {
    locale: "de-DE",
    phonePrefix: "+49151",
    province: ["Bayern", "BY"],
    rows: [
      ["Jürgen", "Weiß", "juergen.weiss@example.de", "Maximilianstraße 17", "München", "80539", 48.1394, 11.5823],
      ["Käthe", "Großmann", "kaethe@example.de", "Schloßstraße 5", "Nürnberg", "90403", 49.4521, 11.0767],
      ["Leila", "Haddad", "leila.haddad@example.de", "Rosenheimer Straße 101", "München", "81669", 48.1289, 11.6016],
    ],
  },
  US: {
    locale: "en",
    phonePrefix: "+1212555",
    province: ["New York", "NY"],
    rows: [
      ["Emily", "Carter", "emily.carter@example.com", "350 5th Ave", "New York", "10118", 40.7484, -73.9857],
      ["Marcus", "O'Neil", "marcus.oneil@example.com", "77 Water St", "New York", "10005", 40.7043, -74.0081],
    ],
  },
  FR: {
    locale: "fr",
    phonePrefix: "+33612",
    province: null,
    rows: [
      ["Chloé", "Lefèvre", "chloe.lefevre@example.fr", "12 Rue de Rivoli", "Paris", "75004", 48.8556, 2.3588],
      ["ليلى", "حداد", "layla.h@example.fr", "8 Boulevard d'Athènes", "Marseille", "13001", 43.3001, 5.3804],
    ],
  },
  ES: {
    locale: "es",
    phonePrefix: "+34612",
    province: ["Madrid", "M"],
    rows: [
      ["José", "Muñoz", "jose.munoz@example.es", "Calle de Alcalá 48", "Madrid", "28014", 40.4189, -3.6963],
      ["Lucía", "Peña", "lucia.pena@example.es", "Gran Vía 1", "Madrid", "28013", 40.42, -3.7025],
    ],
  },
  RU: {
    locale: "ru",
    phonePrefix: "+7916",
    province: ["Москва", "MOW"],
    rows: [
      ["Анна", "Смирнова", "anna.smirnova@example.ru", "ул. Тверская, д. 7, кв. 12", "Москва", "125009", 55.7597, 37.611],
      ["Дмитрий", "Иванов", "d.ivanov@example.ru", "Ленинградский пр-т, 39", "Москва", "125167", 55.7887, 37.5411],
    ],
  },
  JP: {
    locale: "en",
    phonePrefix: "+8190",
    province: ["東京都", "JP-13"],
    rows: [
      ["太郎", "山田", "taro.yamada@example.jp", "渋谷区神南1-2-3", "渋谷区", "150-0041", 35.664, 139.6982],
      ["花子", "佐藤", "hanako.sato@example.jp", "新宿区西新宿2-8-1", "新宿区", "163-8001", 35.6896, 139.6922],
    ],
  },
};

/** Every persona for a country, in a fixed order (index them with the seeded PRNG). */
export function personasFor(country: CountryCode): Persona[] {
  const info = COUNTRIES[country];
  return info.rows.map(([first_name, last_name, email, address1, city, zip, latitude, longitude], index) => ({
    first_name,
    last_name,
    email,
    phone: `${info.phonePrefix}${String(1234567 + index * 1111).slice(0, 7)}`,
    company: index === 1 && country === "DE" ? "Großmann & Söhne GmbH" : null,
    address1,
    address2: index === 0 && country === "US" ? "Suite 5200" : null,
    city,
    province: info.province?.[0] ?? null,
    province_code: info.province?.[1] ?? null,
    zip,
    country_code: country,
    latitude,
    longitude,
    locale: info.locale,
  }));
}

/** A REST MailingAddress as it appears in shipping_address / billing_address / default_address. */
export function toMailingAddress(persona: Persona) {
  return {
    first_name: persona.first_name,
    address1: persona.address1,
    phone: persona.phone,
    city: persona.city,
    zip: persona.zip,
    province: persona.province,
    country: COUNTRY_NAMES[persona.country_code],
    last_name: persona.last_name,
    address2: persona.address2,
    company: persona.company,
    latitude: persona.latitude,
    longitude: persona.longitude,
    name: `${persona.first_name} ${persona.last_name}`,
    country_code: persona.country_code,
    province_code: persona.province_code,
  };
}
