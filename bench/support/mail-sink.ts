import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// bench:followups' SMTP server on loopback (smtp-server): it accepts every message and keeps only its
// Message-ID and when it arrived, so 10,000 messages cost the bench no memory to speak of.

type Arrival = { messageId: string; at: number };

/** The Message-ID header of a raw message's head. */
function messageIdOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  return /^message-id:\s*(.+)$/im.exec(head)?.[1].trim() ?? "";
}

export async function startMailSink() {
  const arrivals: Arrival[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 1 << 20,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString("utf8");
      });
      stream.on("end", () => {
        arrivals.push({ messageId: messageIdOf(head), at: Date.now() });
        callback(null, "Queued");
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
