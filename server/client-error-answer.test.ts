import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerClientErrors } from "./client-error-answer";

let server: Server | undefined;

afterEach(async () => {
  server?.close();
  server = undefined;
});

async function listening(): Promise<number> {
  server = createServer((_request, response) => response.end("the app answered"));
  answerClientErrors(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as { port: number }).port;
}

/** Sends raw bytes and reads everything the server answers before it closes. */
async function exchange(port: number, raw: string): Promise<string> {
  const socket = connect(port, "127.0.0.1");
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  const closed = once(socket, "close");
  socket.on("error", () => {});
  socket.end(raw);
  await closed;
  return Buffer.concat(chunks).toString("utf8");
}

describe("answerClientErrors", () => {
  it("answers a head beyond Node's limit with a 431 the client gets to read, body and all still being sent", async () => {
    const port = await listening();
    const body = "x".repeat(200_000);
    const answer = await exchange(
      port,
      `POST /?q=${"a".repeat(64_000)} HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain("too long");
    expect(answer).not.toContain("the app answered");
  });

  it("answers a HEAD beyond Node's limit with the 431's headers alone", async () => {
    const port = await listening();
    const answer = await exchange(port, `HEAD /?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/Content-Length: \d+\r\n/);
    expect(answer.endsWith("\r\n\r\n")).toBe(true);
  });

  it("answers a head it cannot parse with a 400", async () => {
    const port = await listening();
    const answer = await exchange(port, "GET / HTTP/1.1\r\nHost localhost\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).not.toContain("the app answered");
  });

  it("leaves well-formed requests to the app", async () => {
    const port = await listening();
    const answer = await exchange(port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain("the app answered");
  });
});
