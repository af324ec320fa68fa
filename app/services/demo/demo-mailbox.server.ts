import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { findFollowUpSummaries } from "~/models/follow-ups/follow-up-lookup.server";
import { getShopInfo } from "~/models/shop/shop.server";
import { getEnv } from "~/utils/env.server";

// The demo's mailbox: the messages the demo's mail catcher (scripts/demo-mail-catcher.mjs) kept, one .eml file
// each, parsed with mailparser. The list needs only headers, parsed once per file (a file never changes after
// its rename); the shown message is parsed in full. Kept's own follow-ups carry their row's id
// (X-Kept-Follow-Up), which gives the category and the order; messages of another shop's follow-ups are left out.

/** A caught message's file name: its time received, and a random tail (demo-mail-catcher.mjs, mailFileName). */
const MAIL_FILE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{8}\.eml$/;
/** The newest this many matching messages are listed; a search narrows them. */
const LIST_LIMIT = 100;
/** The admin speaks English for now; dates as "Mon 7 Dec, 16:05". */
const LOCALE = "en-GB";

type Headers = { to: string; subject: string; language: string | null; messageId: string | null; followUpId: string | null };
const headerCache = new Map<string, Headers>();

const addressText = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((address) => address.text).join(", ");

/** A header as the message has it (unfolded), or null. */
function headerLine(parsed: ParsedMail, name: string): string | null {
  const line = parsed.headerLines.find((entry) => entry.key === name)?.line;
  return line
    ? line
        .slice(line.indexOf(":") + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim()
    : null;
}

function headersOf(parsed: ParsedMail): Headers {
  const followUpId = parsed.headers.get("x-kept-follow-up");
  return {
    to: addressText(parsed.to),
    subject: parsed.subject ?? "(no subject)",
    language: headerLine(parsed, "content-language"),
    messageId: parsed.messageId ?? null,
    followUpId: typeof followUpId === "string" ? followUpId : null,
  };
}

async function readHeaders(dir: string, name: string): Promise<Headers> {
  const cached = headerCache.get(path.join(dir, name));
  if (cached) return cached;
  const raw = await readFile(path.join(dir, name));
  const end = raw.indexOf("\r\n\r\n");
  const headers = headersOf(await simpleParser(end === -1 ? raw : raw.subarray(0, end + 4)));
  headerCache.set(path.join(dir, name), headers);
  return headers;
}

function receivedAtOf(name: string): Date {
  const [, year, month, day, hour, minute, second, ms] = MAIL_FILE.exec(name) ?? [];
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`);
}

async function listMailFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => MAIL_FILE.test(name)).sort((a, b) => (a < b ? 1 : -1));
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Kept's follow-ups name their shop in the Message-ID (`<uuid@shop>`): another shop's are not this shop's to see. */
const isOtherShops = (headers: Headers, shop: string) => headers.followUpId !== null && !headers.messageId?.endsWith(`@${shop}>`);

const matches = (search: string, fields: (string | null)[]) => fields.some((field) => field?.toLowerCase().includes(search));

/** The demo mailbox for `shop`: the newest caught messages (matching `search`, an address or order number) and the one asked for. */
export async function readDemoMailbox(shop: string, query: { search?: string; id?: string }) {
  const env = getEnv();
  const dir = env.DEMO_MAILBOX_DIR;
  const timeZone = (await getShopInfo(shop))?.timezone ?? "UTC";
  const names = await listMailFiles(dir);
  const all = await Promise.all(names.map(async (name) => ({ id: name.slice(0, -4), name, headers: await readHeaders(dir, name) })));
  const mine = all.filter((entry) => !isOtherShops(entry.headers, shop));
  const followUps = await findFollowUpSummaries(
    shop,
    mine.flatMap((entry) => entry.headers.followUpId ?? []),
  );
  const format = new Intl.DateTimeFormat(LOCALE, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const rows = mine.map(({ id, name, headers }) => {
    const followUp = headers.followUpId ? followUps.get(headers.followUpId) : undefined;
    const receivedAt = receivedAtOf(name);
    return {
      id,
      to: headers.to,
      subject: headers.subject,
      language: headers.language ?? followUp?.locale ?? null,
      receivedAt: receivedAt.toISOString(),
      received: format.format(receivedAt),
      category: followUp?.category ?? (headers.followUpId ? "follow-up no longer on record" : "not a Kept follow-up"),
      trigger: followUp?.trigger ?? null,
      order: followUp ? { name: followUp.orderName, legacyId: followUp.orderGid.split("/").pop() ?? "" } : null,
    };
  });
  const search = query.search?.trim().toLowerCase().replace(/^#/, "") ?? "";
  const matching = search ? rows.filter((row) => matches(search, [row.to, row.subject, row.order?.name.replace(/^#/, "") ?? null])) : rows;
  const shown = query.id ? (rows.find((row) => row.id === query.id) ?? null) : null;
  return {
    total: rows.length,
    matching: matching.length,
    rows: matching.slice(0, LIST_LIMIT),
    selected: shown ? { ...shown, ...(await readMessage(path.join(dir, `${shown.id}.eml`))) } : null,
    catcher: env.SMTP_URL ?? null,
    timeZone,
  };
}

/** A whole message: its parts and the headers a merchant checks. */
async function readMessage(file: string) {
  const parsed = await simpleParser(await readFile(file));
  return {
    html: typeof parsed.html === "string" ? parsed.html : null,
    text: parsed.text ?? null,
    headers: [
      { name: "From", value: addressText(parsed.from) },
      { name: "To", value: addressText(parsed.to) },
      { name: "Subject", value: parsed.subject ?? "" },
      { name: "Date", value: headerLine(parsed, "date") ?? "" },
      { name: "Content-Language", value: headerLine(parsed, "content-language") ?? "" },
      { name: "List-Unsubscribe", value: headerLine(parsed, "list-unsubscribe") ?? "" },
      { name: "List-Unsubscribe-Post", value: headerLine(parsed, "list-unsubscribe-post") ?? "" },
      { name: "Message-ID", value: parsed.messageId ?? "" },
    ].filter((header) => header.value !== ""),
  };
}
