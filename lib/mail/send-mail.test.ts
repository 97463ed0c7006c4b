import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/test/fixtures/smtp-sink";
import { openBulkSender, type BulkSender } from "./send-mail";

let sink: SmtpSink;
let sender: BulkSender;

beforeAll(async () => {
  sink = await startSmtpSink({ keep: true });
  // Read on first use of the settings, which is below.
  process.env.SMTP_URL = sink.url;
  sender = openBulkSender({ connections: 2 });
});

afterAll(async () => {
  sender.close();
  await sink.stop();
});

describe("openBulkSender", () => {
  it("carries many messages over its few pooled connections", async () => {
    const raw = (n: number) =>
      Buffer.from(
        `From: desk@example.org\r\nTo: reader-${n}@example.org\r\nMessage-ID: <bulk-${n}@example.org>\r\nSubject: Test\r\n\r\nHello ${n}\r\n`,
      );
    const queue = Array.from({ length: 30 }, (_, n) => n);
    const lane = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift())
        await sender.sendRaw(`reader-${n}@example.org`, raw(n));
    };
    await Promise.all([lane(), lane(), lane()]);
    await sender.send({
      to: "composed@example.org",
      subject: "Composed",
      text: "Hello",
      html: "<p>Hello</p>",
      messageId: "<composed@example.org>",
    });

    expect(sink.acceptedCount()).toBe(31);
    expect(new Set(sink.accepted.map((message) => message.messageId)).size).toBe(31);
    // One connection per message was the bug: nodemailer dropped `pool` when given a `url`.
    expect(sink.connections()).toBeLessThanOrEqual(2);
  });
});
