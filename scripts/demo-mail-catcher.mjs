// The demo's mail catcher: a real SMTP server (smtp-server) on loopback that accepts every message and keeps
// it, raw, as one .eml file in the mailbox folder, so nothing the demo sends leaves the machine and the admin's
// Demo mailbox page (app/services/demo/demo-mailbox.server.ts) can show it, after a restart too.
//
// Files, not a table: the catcher runs in `npm run demo`'s own process, beside the app, and needs no database
// connection or migration; a message stays byte for byte what the sender wrote, and any mail client opens it.
// Each file is written to a hidden temporary name, flushed to disk, then renamed: the page never reads half a
// message, and the sender is told "queued" only once the message is on disk.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** Larger messages are refused (552) rather than kept: follow-ups are a few kilobytes. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** "20261207T153012345Z-9f2c4a1b.eml": names sort by the time received, and carry it. */
export function mailFileName(receivedAt) {
  const stamp = receivedAt.toISOString().replace(/[-:.]/g, "");
  return `${stamp}-${randomBytes(4).toString("hex")}.eml`;
}

/** Writes `raw` as `name` in `dir`: a hidden temporary file, fsync, rename. */
async function storeMessage(dir, name, raw) {
  const temporary = path.join(dir, `.${name}.tmp`);
  const file = await open(temporary, "wx");
  try {
    await file.writeFile(raw);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temporary, path.join(dir, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const smtpError = (message, responseCode) => Object.assign(new Error(message), { responseCode });

/**
 * Starts the catcher on `host:port` (port 0: any free one). Resolves once it listens, with the port and a
 * close(); rejects when it cannot listen, with `code` "EADDRINUSE" when the port is taken.
 * @param {{ port: number; dir: string; host?: string }} options
 * @returns {Promise<{ port: number; url: string; close: () => Promise<void> }>}
 */
export async function startMailCatcher({ port, dir, host = "127.0.0.1" }) {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    name: "kept-demo-mail-catcher",
    banner: "Kept demo mail catcher: messages stay on this machine",
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(`Message larger than ${MAX_MESSAGE_BYTES} bytes`, 552));
        const name = mailFileName(new Date());
        storeMessage(dir, name, Buffer.concat(chunks)).then(
          () => callback(null, `Kept in the demo mailbox as ${name}`),
          // 4xx: the sender keeps the message and tries again later.
          (error) => callback(smtpError(`Could not store the message: ${error.message}`, 451)),
        );
      });
    },
  });
  // smtp-server logs socket errors of clients that hang up; the demo's terminal stays quiet.
  server.on("error", () => {});
  await new Promise((resolve, reject) => {
    const failed = (error) => reject(error);
    server.server.once("error", failed);
    server.listen(port, host, () => {
      server.server.off("error", failed);
      resolve();
    });
  });
  const listening = server.server.address().port;
  return {
    port: listening,
    url: `smtp://${host}:${listening}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
