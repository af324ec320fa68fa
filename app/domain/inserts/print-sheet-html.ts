import type { PaperSize } from "~/schemas/inserts/insert-template";

// The print document's markup: static HTML and CSS, no scripts. One insert per page; each page takes its
// paper from a CSS named page, so one sheet can mix sizes, and content that does not fit is clipped rather
// than spilling onto a second page.

/**
 * What the print document may load: its own inline styles and data: images, nothing else; no script of any
 * kind (script-src falls back to default-src, which also stops inline event handlers such as onerror).
 * The print route sends it as a header, and the document carries it itself in a <meta> as the first thing
 * in <head>: the Print queue opens the sheet as a blob: URL in the app's own origin, where no response
 * header applies, and a template's <script> would otherwise run with the app's privileges.
 */
export const PRINT_SHEET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export type PrintPage = { paper: PaperSize; html: string; lang: string; code: { text: string; qrSvg: string } | null };

const PAPER: Record<PaperSize, { name: string; width: string; height: string; margin: string; font: string }> = {
  A6: { name: "a6", width: "105mm", height: "148mm", margin: "8mm", font: "10pt" },
  A5: { name: "a5", width: "148mm", height: "210mm", margin: "12mm", font: "12pt" },
  Letter: { name: "letter", width: "8.5in", height: "11in", margin: "0.6in", font: "14pt" },
  "4x6": { name: "label-4x6", width: "4in", height: "6in", margin: "0.25in", font: "10pt" },
};

/** HTML-escapes text for element content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function paperCss(): string {
  return Object.values(PAPER)
    .map((paper) =>
      [
        `@page ${paper.name} { size: ${paper.width} ${paper.height}; margin: ${paper.margin}; }`,
        `.kept-page--${paper.name} { page: ${paper.name}; font-size: ${paper.font};`,
        `  width: calc(${paper.width} - 2 * ${paper.margin}); height: calc(${paper.height} - 2 * ${paper.margin}); }`,
      ].join("\n"),
    )
    .join("\n");
}

const BASE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: Georgia, "DejaVu Serif", "Noto Serif", serif; color: #1a1a1a; }
.kept-page { overflow: hidden; display: flex; flex-direction: column; gap: 0.8em; }
.kept-page + .kept-page { break-before: page; }
.kept-insert h1 { font-size: 1.7em; margin: 0 0 0.5em; line-height: 1.15; }
.kept-insert p, .kept-insert li { font-size: 1em; line-height: 1.45; margin: 0 0 0.6em; }
.kept-insert ul { padding-left: 1.2em; margin: 0; }
.kept-insert__code { font-family: "DejaVu Sans Mono", monospace; font-size: 1.5em; letter-spacing: 0.08em; font-weight: bold; }
.kept-qr { margin: auto 0 0; display: flex; align-items: center; gap: 0.8em; }
.kept-qr svg { width: 26mm; height: 26mm; flex: none; }
.kept-qr figcaption { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
.kept-notice { font-family: sans-serif; background: #fff4e5; border: 1px solid #e0b252; padding: 0.6em 1em; margin: 1em; }
@media screen {
  body { background: #e8e8e8; padding: 1em 0; }
  .kept-page { background: #fff; margin: 0 auto 1em; padding: 6mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
@media print { .kept-notice { display: none; } }
`;

function renderPage(page: PrintPage): string {
  const paper = PAPER[page.paper];
  const qr = page.code ? `<figure class="kept-qr">${page.code.qrSvg}<figcaption>${escapeHtml(page.code.text)}</figcaption></figure>` : "";
  return `<section class="kept-page kept-page--${paper.name}" lang="${escapeHtml(page.lang)}">\n${page.html}\n${qr}</section>`;
}

/** The whole print document. `notices` are for the merchant's screen only and never print. */
export function buildPrintSheet(args: { title: string; pages: PrintPage[]; notices: string[] }): string {
  const notices = args.notices.map((notice) => `<p class="kept-notice">${escapeHtml(notice)}</p>`).join("\n");
  return [
    "<!doctype html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(PRINT_SHEET_CSP)}"><title>${escapeHtml(args.title)}</title><style>${paperCss()}${BASE_CSS}</style></head>`,
    `<body>\n${notices}\n${args.pages.map(renderPage).join("\n")}\n</body>`,
    "</html>",
  ].join("\n");
}
