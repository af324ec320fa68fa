import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

// Email through SMTP with nodemailer. One pooled transport per SMTP URL; short timeouts, so a stalled
// server costs a send its lease, not the worker's loop. docs/follow-ups.md explains how an outcome that
// cannot be known (the connection lost after the message was handed over) is treated.

type OutgoingMail = {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
};

/** What sending gave: accepted (the server's reply), refused before the message was handed over (retry or not), or unknown. */
type MailOutcome = { kind: "accepted"; response: string } | { kind: "refused"; permanent: boolean; error: string } | { kind: "unknown"; error: string };

export type MailSender = (mail: OutgoingMail) => Promise<MailOutcome>;

/** SMTP connections per server: the sender runs this many sends side by side (follow-ups-jobs.server.ts). */
export const SMTP_CONNECTIONS = 4;

const transports = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

/** SMTP commands before the message itself: a failure there means nothing was handed over. */
const BEFORE_DATA = new Set(["CONN", "EHLO", "HELO", "STARTTLS", "AUTH PLAIN", "AUTH LOGIN", "AUTH CRAM-MD5", "AUTH XOAUTH2", "MAIL FROM", "RCPT TO"]);

type SmtpError = Error & { code?: string; command?: string; responseCode?: number; response?: string };

/**
 * Sorts a nodemailer failure into retry, give up, or unknown (docs/follow-ups.md, "Exactly once"). Only what
 * proves nothing was handed over is retried: an SMTP reply (4xx later, 5xx never), no connection at all, or
 * a failure at a command before the message. A socket that went quiet is unknown whatever nodemailer names
 * as its command (it reports "CONN" for a timeout after DATA too).
 */
function classifySmtpError(error: unknown): MailOutcome {
  const failure = error as SmtpError;
  const text = [failure.command, failure.response ?? failure.message].filter(Boolean).join(": ");
  if (typeof failure.responseCode === "number") return { kind: "refused", permanent: failure.responseCode >= 500, error: text };
  if (failure.code === "ECONNECTION" || failure.code === "EDNS") return { kind: "refused", permanent: false, error: text };
  // The connection was never made (refused, unreachable, the name did not resolve).
  if (/\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/.test(failure.message)) return { kind: "refused", permanent: false, error: text };
  if (failure.code === "ETIMEDOUT" && /^(Connection timeout|Greeting never received)/.test(failure.message))
    return { kind: "refused", permanent: false, error: text };
  const quiet = failure.code === "ETIMEDOUT" || failure.code === "ESOCKET";
  if (!quiet && failure.command !== undefined && BEFORE_DATA.has(failure.command.toUpperCase())) return { kind: "refused", permanent: false, error: text };
  return { kind: "unknown", error: text || String(error) };
}

/** The sender for `smtpUrl`: a pooled nodemailer transport. */
export function smtpSender(smtpUrl: string, timeouts: { socketMs?: number } = {}): MailSender {
  const key = `${smtpUrl}\n${timeouts.socketMs ?? ""}`;
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: timeouts.socketMs ?? 30_000,
    } as SMTPTransport.Options);
    transports.set(key, transport);
  }
  const ready = transport;
  return async (mail) => {
    try {
      const info = await ready.sendMail(mail);
      if (info.rejected.length > 0) return { kind: "refused", permanent: true, error: `refused: ${info.rejected.join(", ")}` };
      return { kind: "accepted", response: info.response };
    } catch (error: unknown) {
      return classifySmtpError(error);
    }
  };
}

/** Closes the pooled transports (tests, and a worker that stops). */
export function closeMailTransports() {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
