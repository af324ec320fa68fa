import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server on loopback that keeps every message it accepts (smtp-server), for tests that send
// follow-ups through nodemailer. `mode` makes it answer as a busy (4xx), refusing (5xx) or stalled server;
// `replyDelayMs` makes it slow: each message is kept at once and answered that much later. `onCaught` sees
// each message as it is kept, before the answer (a crash test kills the sender there).

export type CaughtMail = { from: string; to: string[]; raw: string };
type SinkMode = "accept" | "busy" | "refuse" | "stall";

/** RFC 2047 encoded-words ("=?UTF-8?Q?Hallo_Anna?=") as text. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)?/g, (_all, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** A header of a caught message, unfolded and decoded; null when absent. */
export function headerOf(mail: CaughtMail, name: string): string | null {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((entry) => entry.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : null;
}

export async function startSmtpSink() {
  const caught: CaughtMail[] = [];
  const state: { mode: SinkMode; replyDelayMs: number; onCaught?: (mail: CaughtMail) => void } = { mode: "accept", replyDelayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.mode === "busy") return callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
      if (state.mode === "refuse") return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // A stalled server takes the message and never answers: the sender cannot know whether it was accepted.
        if (state.mode === "stall") return;
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        caught.push(mail);
        state.onCaught?.(mail);
        if (state.replyDelayMs > 0) setTimeout(() => callback(null, "Queued as test"), state.replyDelayMs);
        else callback(null, "Queued as test");
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    caught,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
