/**
 * Opens the print sheet for `url` in a new tab. The tab is opened at once (inside the click, so no popup
 * blocker objects), then filled with the sheet fetched by this page: inside the Shopify admin App Bridge adds
 * the session token to the fetch, in demo mode none is needed. Returns an error message, or null.
 */
export async function openPrintSheet(url: string): Promise<string | null> {
  const tab = window.open("", "_blank");
  try {
    const response = await fetch(url);
    const body = await response.text();
    if (!response.ok) {
      tab?.close();
      return body || `The print sheet could not be made (${response.status}).`;
    }
    if (!tab) return "The browser blocked the new tab; allow pop-ups for this app and print again.";
    tab.location.href = URL.createObjectURL(new Blob([body], { type: "text/html" }));
    return null;
  } catch (error: unknown) {
    tab?.close();
    return `The print sheet could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }
}
