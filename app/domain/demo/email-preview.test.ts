import { describe, expect, it } from "vitest";
import { emailPreviewDocument } from "./email-preview";

const POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:"><base target="_blank">`;

describe("the preview of a caught email's HTML", () => {
  it.each([
    [
      "a document with a head",
      `<!DOCTYPE html><html><head lang="de"><title>t</title></head><body>x</body></html>`,
      `<!DOCTYPE html><html><head lang="de">${POLICY}<title>t</title></head><body>x</body></html>`,
    ],
    ["a document with a doctype and no head", `<!doctype html><p>x</p>`, `<!doctype html>${POLICY}<p>x</p>`],
    ["a fragment", `<p>Hallo</p>`, `${POLICY}<p>Hallo</p>`],
    ["a <header> element is not the head", `<header>x</header>`, `${POLICY}<header>x</header>`],
  ])("puts the policy first in %s", (_case, html, expected) => {
    expect(emailPreviewDocument(html)).toBe(expected);
  });
});
