import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startMailCatcher } from "../../scripts/demo-mail-catcher.mjs";

// The demo's mail catcher (scripts/demo-mail-catcher.mjs): a real SMTP server on loopback that keeps every
// message as an .eml file, whole, and says nothing on the terminal while it does.

const dir = mkdtempSync(path.join(tmpdir(), "kept-mailbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mail = (to: string, subject: string, messageId: string) => ({
  from: '"Kept demo" <care@kept-demo.example>',
  to,
  subject,
  text: "Hej Anna, ditt paket är på väg.",
  html: "<p>Hej Anna, ditt paket är <b>på väg</b>.</p>",
  messageId,
  headers: { "Content-Language": "sv" },
});

describe("the demo's mail catcher", () => {
  it("accepts every message and keeps each one whole, in a file of its own named by the time it arrived", async () => {
    // GIVEN a catcher on a free loopback port
    const log = vi.spyOn(console, "log");
    const catcher = await startMailCatcher({ port: 0, dir });
    const transport = nodemailer.createTransport({ url: catcher.url });
    try {
      // WHEN two messages are sent to it over SMTP
      const before = Date.now();
      const first = await transport.sendMail(mail("anna@example.se", "Ditt paket är på väg", "<one@kept-demo.myshopify.com>"));
      const second = await transport.sendMail(mail("jonas@example.de, lea@example.de", "Zweite", "<two@kept-demo.myshopify.com>"));
      const after = Date.now();
      // THEN each is accepted once it is on disk, and the folder holds the two, oldest first by name
      expect(first.response).toMatch(/^250 Kept in the demo mailbox as \d{8}T\d{9}Z-[0-9a-f]{8}\.eml$/);
      expect(second.accepted).toEqual(["jonas@example.de", "lea@example.de"]);
      const files = readdirSync(dir).sort();
      expect(files).toHaveLength(2);
      expect(files.every((name) => /^\d{8}T\d{9}Z-[0-9a-f]{8}\.eml$/.test(name))).toBe(true);
      const stamp = (name: string) => Date.parse(name.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z.*$/, "$1-$2-$3T$4:$5:$6.$7Z"));
      expect(stamp(files[0]!)).toBeGreaterThanOrEqual(before - 1);
      expect(stamp(files[1]!)).toBeLessThanOrEqual(after);
      const [one, two] = files.map((name) => readFileSync(path.join(dir, name), "utf8"));
      expect(one).toMatch(/^Message-ID: <one@kept-demo\.myshopify\.com>$/m);
      expect(one).toMatch(/^Content-Language: sv$/m);
      expect(one).toContain("Content-Type: text/html");
      expect(one).toContain("Content-Type: text/plain");
      // The body as the sender encoded it, to the end (the SMTP terminator is not part of the message)
      expect(one.trimEnd()).toMatch(/--$/);
      expect(two).toMatch(/^To: jonas@example\.de, lea@example\.de$/m);
      // Nothing half-written is left beside them, and the terminal heard nothing
      expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
      expect(log).not.toHaveBeenCalled();
    } finally {
      transport.close();
      await catcher.close();
      log.mockRestore();
    }
  });

  it("keeps what it caught across a restart, and refuses plainly a port that is taken", async () => {
    const catcher = await startMailCatcher({ port: 0, dir });
    const kept = readdirSync(dir).length;
    expect(kept).toBeGreaterThan(0);
    // A second catcher on the same port cannot start, and says why
    await expect(startMailCatcher({ port: catcher.port, dir })).rejects.toMatchObject({ code: "EADDRINUSE" });
    await catcher.close();
    const again = await startMailCatcher({ port: 0, dir });
    const transport = nodemailer.createTransport({ url: again.url });
    try {
      await transport.sendMail(mail("anna@example.se", "Nach dem Neustart", "<three@kept-demo.myshopify.com>"));
      expect(readdirSync(dir).filter((name) => name.endsWith(".eml"))).toHaveLength(kept + 1);
    } finally {
      transport.close();
      await again.close();
    }
  });
});
