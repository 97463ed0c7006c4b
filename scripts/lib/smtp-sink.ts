// A local SMTP server that accepts (or, on purpose, refuses) mail and counts
// it: for the newsletter benchmark and the delivery tests. Built on
// smtp-server from the nodemailer project. A message counts as accepted only
// once the sink has answered 250 to it.
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";

export type SinkMessage = { to: string; messageId: string; raw: Buffer };

/** Refuse a recipient: 4xx is temporary, 5xx permanent. */
export type Refusal = { code: number; message: string };

export type SinkOptions = {
  port?: number;
  /** Keep each accepted message's bytes (tests); off, only counts (benchmark). */
  keep?: boolean;
  /** Called at RCPT TO with the address and how often it was offered before. */
  refuse?: (address: string, previousOffers: number) => Refusal | null;
  /** Called with each received message before it is answered; resolve to accept. */
  beforeAccept?: (message: SinkMessage) => Promise<void>;
};

export type SmtpSink = {
  url: string;
  port: number;
  accepted: SinkMessage[];
  acceptedCount(): number;
  /** RCPT TO offers per address, refused or not. */
  offers: Map<string, number>;
  /** Connections opened to the sink so far. */
  connections(): number;
  stop(): Promise<void>;
};

function headerValue(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n") === -1 ? raw.length : raw.indexOf("\r\n\r\n"));
  const unfolded = head.replace(/\r\n[ \t]+/g, " ");
  const line = unfolded.split("\r\n").find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : "";
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const accepted: SinkMessage[] = [];
  const offers = new Map<string, number>();
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    // By default smtp-server drops a client after ten commands without
    // AUTH: a pooled sender would reconnect every three messages.
    maxAllowedUnauthenticatedCommands: false,
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const key = address.address.toLowerCase();
      const previous = offers.get(key) ?? 0;
      offers.set(key, previous + 1);
      const refusal = options.refuse?.(key, previous);
      if (refusal) {
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const text = raw.subarray(0, 16 * 1024).toString("latin1");
        const message: SinkMessage = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()).join(","),
          messageId: headerValue(text, "Message-ID"),
          raw: options.keep ? raw : Buffer.alloc(0),
        };
        const accept = () => {
          count += 1;
          if (options.keep) accepted.push(message);
          callback();
        };
        if (options.beforeAccept) void options.beforeAccept(message).then(accept, (error: Error) => callback(error));
        else accept();
      });
    },
  });
  server.on("error", () => {});
  // Answer at once: without this, Nagle's algorithm and delayed ACKs hold
  // every small SMTP reply for tens of milliseconds on the loopback.
  let connections = 0;
  server.server.on("connection", (socket: import("node:net").Socket) => {
    connections += 1;
    socket.setNoDelay(true);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("the SMTP sink has no port"));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    accepted,
    acceptedCount: () => count,
    offers,
    connections: () => connections,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
