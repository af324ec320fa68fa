/** Shopify writes REST timestamps in the shop's own offset, e.g. "2026-11-20T14:03:11+01:00". */
export function formatShopTime(instant: Date, offsetMinutes: number): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function addDays(instant: Date, days: number): Date {
  return addMinutes(instant, days * 24 * 60);
}

/** `instant` moved to `hour:minute` shop-local time on the same shop-local day. */
export function atShopHour(instant: Date, offsetMinutes: number, hour: number, minute = 0): Date {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  local.setUTCHours(hour, minute, 0, 0);
  return new Date(local.getTime() - offsetMinutes * 60_000);
}
