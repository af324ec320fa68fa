// How the Demo mailbox page shows a caught message's HTML part: as the `srcdoc` of an iframe whose `sandbox`
// allows no scripts and no access to the admin. The document also carries its own Content-Security-Policy (no
// scripts, nothing fetched from anywhere: the demo stays on the machine) and opens its links in a new tab.

const PREAMBLE =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:">` +
  `<base target="_blank">`;

/** The email's HTML with the preview's policy first in its head (or first of all when it has no head). */
export function emailPreviewDocument(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + PREAMBLE + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + PREAMBLE + html.slice(doctype[0].length);
  return PREAMBLE + html;
}
