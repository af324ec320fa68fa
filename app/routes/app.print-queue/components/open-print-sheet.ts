import { PRINTED_CARDS_HEADER } from "~/domain/inserts/print-url";
import { errorText } from "~/domain/errors/error-text";

export type OpenedSheet = { ok: true; cards: string[] } | { ok: false; message: string };

/**
 * Opens the print sheet for `url` in a new tab. The tab is opened at once (inside the click, so no popup
 * blocker objects), then filled with the sheet fetched by this page: inside the Shopify admin App Bridge adds
 * the session token to the fetch, in demo mode none is needed. The sheet is shown as a blob: URL in this
 * app's origin, so it must keep itself script-free: it carries its own Content-Security-Policy <meta>
 * (print-sheet-html.ts), and the tab loses its opener, so nothing in it could reach this page.
 * Returns the inserts the sheet printed, or why nothing was printed.
 */
export async function openPrintSheet(url: string): Promise<OpenedSheet> {
  const tab = window.open("", "_blank");
  try {
    const response = await fetch(url);
    const body = await response.text();
    if (!response.ok) {
      tab?.close();
      return { ok: false, message: body || `The print sheet could not be made (${response.status}).` };
    }
    if (!tab) return { ok: false, message: "The browser blocked the new tab; allow pop-ups for this app and print again." };
    tab.opener = null;
    tab.location.href = URL.createObjectURL(new Blob([body], { type: "text/html" }));
    const cards = (response.headers.get(PRINTED_CARDS_HEADER) ?? "").split(",").filter(Boolean);
    return { ok: true, cards };
  } catch (error: unknown) {
    tab?.close();
    return { ok: false, message: `The print sheet could not be loaded: ${errorText(error)}` };
  }
}
