// A request Node.js cannot parse (a head beyond its 16 KB limit, broken
// syntax) never reaches the app: by default Node writes a 431 or 400 and
// destroys the connection at once. A client still sending its head or body
// then gets a reset instead, and often never reads the answer. Here the
// answer is written, the connection half-closed, and whatever the client
// still sends is read and dropped until it is done (at most a few seconds).
import type { Server } from "node:http";
import type { Duplex } from "node:stream";

const DRAIN_MS = 5_000;

function answerFor(code: string | undefined): { status: string; message: string } {
  if (code === "HPE_HEADER_OVERFLOW") {
    return {
      status: "431 Request Header Fields Too Large",
      message: "Bad request: the address or the headers are too long.",
    };
  }
  if (code === "ERR_HTTP_REQUEST_TIMEOUT")
    return { status: "408 Request Timeout", message: "The request took too long to arrive." };
  return { status: "400 Bad Request", message: "Bad request: it could not be read." };
}

export function answerClientErrors(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node does: no answer where the client is gone, or where an answer to
    // an earlier request on this connection has begun (it would be corrupted).
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, message } = answerFor(error.code);
    // A HEAD is answered with the headers alone, or the client would read the
    // body as the next answer. The bytes the parser failed on tell the method
    // where they hold the request line (one packet: any head up to 64 KB on
    // most links); otherwise the sentence goes out as for any method.
    const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${head ? "" : message}`,
    );
    socket.resume();
    socket.once("end", () => socket.destroy());
    setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  });
}
