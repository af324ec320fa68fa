import { addDays, compareDates, isCivilDate, type CivilDate } from "./civil-date";
import { hasPromiseConfigShape, type Lane, type PromiseConfig } from "./promise-config";

/**
 * The packed form of a PromiseConfig as stored in the shop metafield. A Shopify Function gets a
 * metafield value over 10,000 bytes as null, and lanes written as objects cost ~150 bytes each, so a
 * shop with many lanes would lose its Function. Packed, a lane is a tuple and runs of closed dates are
 * ranges:
 *
 *   { "v": 2, "tz": "Europe/Stockholm", "cut": { "mon": "14:00" }, "proc": [0, 1], "work": ["mon"],
 *     "closed": ["2026-12-24/2026-12-26"], "carrier": { "days": ["mon"], "closed": [] }, "pad": 1,
 *     "lanes": [["se-north", "standard", null, "SE:9", 2, 4]], "sd": false, "stz": "Europe/Stockholm",
 *     "cs": "title", "vu": "2027-03-23" }
 *
 * A lane tuple is [id, method handle | null, title pattern | null, destination, transit min, transit max];
 * the destination is "*" or COUNTRY[-REGION][:POSTALPREFIX]. Lane labels are for the merchant and are not
 * stored (checkout never shows them): a decoded lane's label is its id. `vu` is the config's horizon
 * (validUntil, the last date the closed lists cover); without it (older metafields) there is no horizon
 * check. Readers also accept the plain version-1 object, so metafields written before the packed form
 * keep working.
 */
export interface PackedPromiseConfig {
  v: 2;
  tz: string;
  cut: PromiseConfig["cutoffs"];
  proc: [number, number];
  work: PromiseConfig["workingDays"];
  closed: string[];
  carrier: { days: PromiseConfig["workingDays"]; closed: string[] };
  pad: number;
  lanes: PackedLane[];
  sd?: boolean;
  stz?: string;
  /** checkoutSurface; absent in metafields written before it (read as "title"). */
  cs?: PromiseConfig["checkoutSurface"];
  /** validUntil: the last date the closed-date lists cover; absent in metafields written before it. */
  vu?: string;
}

/** id, handle, title pattern, destination, transit min, transit max, and the lane's own padding when it has one. */
type PackedLane = [string, string | null, string | null, string, number, number] | [string, string | null, string | null, string, number, number, number];

/** Consecutive dates as "from/to", single dates as themselves (input sorted or not). */
function packDates(dates: readonly CivilDate[]): string[] {
  const sorted = [...new Set(dates)].sort(compareDates);
  const packed: string[] = [];
  for (let index = 0; index < sorted.length;) {
    let end = index;
    while (end + 1 < sorted.length && addDays(sorted[end], 1) === sorted[end + 1]) end++;
    packed.push(end === index ? sorted[index] : `${sorted[index]}/${sorted[end]}`);
    index = end + 1;
  }
  return packed;
}

/** Expands "from/to" entries; null when an entry is not a date or a forward range (at most a year long). */
function unpackDates(entries: unknown): CivilDate[] | null {
  if (!Array.isArray(entries)) return null;
  const dates: CivilDate[] = [];
  for (const entry of entries) {
    if (typeof entry !== "string") return null;
    const [from, to = from, extra] = entry.split("/");
    if (extra !== undefined || !isCivilDate(from) || !isCivilDate(to)) return null;
    const span = compareDates(to, from);
    if (span < 0 || span > 366) return null;
    for (let day = 0; day <= span; day++) dates.push(addDays(from, day));
  }
  return dates;
}

function packDestination({ country, region, postalPrefix }: Lane["destination"]): string {
  return `${country}${region === undefined ? "" : `-${region}`}${postalPrefix === undefined ? "" : `:${postalPrefix}`}`;
}

function unpackLane(value: unknown): Lane | null {
  if (!Array.isArray(value) || (value.length !== 6 && value.length !== 7)) return null;
  const [id, handle, titlePattern, where, min, max, padding] = value as unknown[];
  if (typeof id !== "string" || typeof where !== "string") return null;
  const match = /^(\*|[^-:]+)(?:-([^:]+))?(?::(.+))?$/.exec(where);
  if (!match) return null;
  const method: Lane["method"] = {};
  if (typeof handle === "string") method.handle = handle;
  if (typeof titlePattern === "string") method.titlePattern = titlePattern;
  const destination: Lane["destination"] = { country: match[1] };
  if (match[2] !== undefined) destination.region = match[2];
  if (match[3] !== undefined) destination.postalPrefix = match[3];
  const lane: Lane = { id, label: id, method, destination, transitDays: { min: min as number, max: max as number } };
  if (padding !== undefined) lane.paddingDays = padding as number;
  return lane;
}

/** Packs a config for the shop metafield (see PackedPromiseConfig). */
export function packPromiseConfig(config: PromiseConfig): PackedPromiseConfig {
  const packed: PackedPromiseConfig = {
    v: 2,
    tz: config.timeZone,
    cut: { ...config.cutoffs },
    proc: [config.processingDays.min, config.processingDays.max],
    work: [...config.workingDays],
    closed: packDates(config.closedDates),
    carrier: { days: [...config.carrier.deliveryDays], closed: packDates(config.carrier.closedDates) },
    pad: config.paddingDays,
    lanes: config.lanes.map((lane): PackedLane => {
      const packedLane: PackedLane = [
        lane.id,
        lane.method.handle ?? null,
        lane.method.titlePattern ?? null,
        packDestination(lane.destination),
        lane.transitDays.min,
        lane.transitDays.max,
      ];
      return lane.paddingDays === undefined ? packedLane : [...packedLane, lane.paddingDays];
    }),
  };
  if (config.shopifyDates !== undefined) packed.sd = config.shopifyDates;
  if (config.shopifyTimeZone !== undefined) packed.stz = config.shopifyTimeZone;
  if (config.checkoutSurface !== undefined) packed.cs = config.checkoutSurface;
  if (config.validUntil !== undefined) packed.vu = config.validUntil;
  return packed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads the metafield value (a JSON string, or already-parsed JSON) in either form and returns a
 * structurally valid PromiseConfig, or null for anything else: missing, unparsable or invalid config
 * means no promise. The time zone is not checked here (runtimes without Intl use this too); callers
 * that convert instants check it with isPromiseConfig.
 */
export function readPromiseConfig(value: unknown): PromiseConfig | null {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(parsed)) return null;
  if (parsed.version === 1) return hasPromiseConfigShape(parsed) ? parsed : null;
  if (parsed.v !== 2 || !Array.isArray(parsed.proc) || !isRecord(parsed.carrier) || !Array.isArray(parsed.lanes)) return null;
  const closedDates = unpackDates(parsed.closed);
  const carrierClosed = unpackDates(parsed.carrier.closed);
  const lanes = parsed.lanes.map(unpackLane);
  if (closedDates === null || carrierClosed === null || lanes.some((lane) => lane === null)) return null;
  const config: Record<string, unknown> = {
    version: 1,
    timeZone: parsed.tz,
    cutoffs: parsed.cut,
    processingDays: { min: parsed.proc[0], max: parsed.proc[1] },
    workingDays: parsed.work,
    closedDates,
    carrier: { deliveryDays: parsed.carrier.days, closedDates: carrierClosed },
    lanes,
    paddingDays: parsed.pad,
  };
  if (parsed.sd !== undefined) config.shopifyDates = parsed.sd;
  if (parsed.stz !== undefined) config.shopifyTimeZone = parsed.stz;
  if (parsed.cs !== undefined) config.checkoutSurface = parsed.cs;
  if (parsed.vu !== undefined) config.validUntil = parsed.vu;
  return hasPromiseConfigShape(config) ? config : null;
}
