// The one place that talks SMTP. Mail goes to SMTP_URL: a relay in
// production, MailDev (started by `npm start`) on a machine with nothing set.
// Never inside an open database transaction (lib/db/transaction-scope.ts): a
// slow relay would hold the transaction's connection and locks.
import { connect } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
// With its file name: see merge-message.ts.
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import { env } from "@/lib/config/env";
import { assertNoTransaction } from "@/lib/db/transaction-scope";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A stable Message-ID ("<...@...>"): a resent copy is recognisably the same message. */
  messageId?: string;
};

const globalForMail = globalThis as unknown as { folioMailTransport?: Transporter };

function smtpUrl(): string {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: start Folio with `npm start`, which starts MailDev");
  return url;
}

function transport(): Transporter {
  globalForMail.folioMailTransport ??= nodemailer.createTransport(smtpUrl());
  return globalForMail.folioMailTransport;
}

export async function sendMail(mail: Mail): Promise<void> {
  assertNoTransaction("SMTP");
  await transport().sendMail({ from: env().MAIL_FROM, ...mail });
}

/** Why a message was not accepted, in the terms the sender acts on. */
export type SmtpFailure = {
  /** Worth trying again later: a 4xx answer, or no answer (connection lost, timeout). */
  temporary: boolean;
  /** The SMTP reply code, when the server gave one. */
  code: number | null;
  message: string;
};

export function describeSmtpFailure(error: unknown): SmtpFailure {
  const details = error as { responseCode?: unknown; response?: unknown; message?: unknown };
  const code = typeof details.responseCode === "number" ? details.responseCode : null;
  const reply = typeof details.response === "string" ? details.response : undefined;
  const message = (reply ?? (typeof details.message === "string" ? details.message : String(error))).slice(0, 500);
  return { temporary: code === null || code < 500, code, message };
}

export type BulkSender = {
  /** Resolves once the server accepted the message; rejects with an SMTP error. */
  send(mail: Mail): Promise<void>;
  /** The same, for a message composed already (merge-message.ts). */
  sendRaw(to: string, raw: Buffer): Promise<void>;
  close(): void;
};

/**
 * For newsletters: a pool of SMTP connections kept open across messages, so
 * thousands of messages do not each pay for a connection and a TLS handshake.
 * Each message still gets its own answer from the server.
 */
export function openBulkSender(options: { connections: number }): BulkSender {
  // The URL's settings spread, not passed as `url`: given a `url`, nodemailer
  // reads that alone and drops `pool` and the rest, so every message opened
  // a connection of its own (48 messages/s to a local sink).
  const pool = nodemailer.createTransport({
    ...parseConnectionUrl(smtpUrl()),
    pool: true,
    maxConnections: options.connections,
    maxMessages: Infinity,
    getSocket: connectWithoutDelay,
  } as SMTPPool.Options);
  const from = env().MAIL_FROM;
  return {
    async send(mail) {
      assertNoTransaction("SMTP");
      // Base64 rather than quoted-printable: every mail client reads both,
      // and base64 is encoded natively, where quoted-printable cost the
      // newsletter benchmark most of its CPU time.
      await pool.sendMail({ from, textEncoding: "base64", ...mail });
    },
    async sendRaw(to, raw) {
      assertNoTransaction("SMTP");
      const sender = from.match(/<([^>]+)>\s*$/)?.[1] ?? from;
      await pool.sendMail({ envelope: { from: sender, to: [to] }, raw });
    },
    close() {
      pool.close();
    },
  };
}

/**
 * The pool's connections with Nagle's algorithm off. An SMTP client writes a
 * command and waits for the reply; with Nagle on, the end of each message
 * waited for the server's delayed ACK, about 40 ms a message on a
 * connection that could carry one in well under a millisecond.
 */
function connectWithoutDelay(
  options: SMTPPool.Options,
  callback: (error: Error | null, socketOptions: unknown) => void,
): void {
  const secure = options.secure === true;
  const socket = connect({
    host: options.host ?? "localhost",
    port: Number(options.port) || (secure ? 465 : 587),
    noDelay: true,
  });
  const timer = setTimeout(
    () => socket.destroy(new Error("the SMTP server did not answer the connection in 30 s")),
    30_000,
  );
  const failed = (error: Error) => {
    clearTimeout(timer);
    callback(error, null);
  };
  socket.once("error", failed);
  socket.once("connect", () => {
    clearTimeout(timer);
    socket.removeListener("error", failed);
    // nodemailer takes it from here, TLS included (it upgrades a secure one).
    callback(null, { connection: socket });
  });
}
