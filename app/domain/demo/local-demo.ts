/**
 * Demo mode (KEPT_DEMO=1) serves the demo shop's admin, customer emails included, to any browser
 * without a Shopify login. It is only for a demo on this machine: the server listens on a loopback
 * address, and every request must come from this machine directly. A request that came through a proxy
 * or a tunnel (forwarding headers), names a public host, or arrives from another address is refused.
 */

/** Headers that a proxy, a load balancer or a tunnel (Cloudflare, ngrok, `shopify app dev`) adds. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip", "cf-connecting-ip", "true-client-ip", "x-original-host"];

/** A host name (no port) or listening address on this machine only. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || isLoopbackAddress(name);
}

/** A socket's remote address on the loopback interface (IPv4 127/8, IPv6 ::1, IPv4-mapped IPv6). */
function isLoopbackAddress(address: string): boolean {
  const plain = address.toLowerCase().replace(/^::ffff:/, "");
  return plain === "::1" || /^127(\.\d{1,3}){3}$/.test(plain);
}

/** The hostname of a Host header (`localhost:3000`, `[::1]:3000`). */
function hostnameOf(hostHeader: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader.trim());
  if (bracketed) return bracketed[1];
  return hostHeader.trim().replace(/:\d+$/, "");
}

export type DemoRequest = { remoteAddress: string | null; hostHeader: string | null; headerNames: readonly string[] };

/** Why a request may not use demo mode, or null when it comes from this machine directly. */
export function notLocalDemoRequest(request: DemoRequest): string | null {
  if (request.remoteAddress !== null && !isLoopbackAddress(request.remoteAddress)) return `it came from ${request.remoteAddress}, not from this machine`;
  const forwarded = request.headerNames.map((name) => name.toLowerCase()).find((name) => FORWARDING_HEADERS.includes(name));
  if (forwarded) return `it came through a proxy or tunnel (${forwarded} header)`;
  if (!request.hostHeader || !isLoopbackHost(hostnameOf(request.hostHeader))) return `it was addressed to ${request.hostHeader ?? "no host"}, not to localhost`;
  return null;
}

/** The page a refused request gets: what is going on, and what to do instead. */
export function demoRefusalText(reason: string): string {
  return [
    "This Kept server runs the local demo (KEPT_DEMO=1), which opens the demo shop's admin without a Shopify login.",
    `It only answers requests from this machine, and this one was refused: ${reason}.`,
    "To try the demo, open http://localhost:3000/app (or the PORT you set) on the machine that runs `npm run demo`.",
    'To serve real shops, start Kept without KEPT_DEMO (README, "Configuration (production)").',
  ].join("\n");
}
