// The SMTP sink as a process of its own (for the benchmark: the receiving
// server should not share the sender's event loop, as a real relay would
// not). Prints "listening <port>"; answers "count" on stdin with "accepted <n>".
import { createInterface } from "node:readline";
import { startSmtpSink } from "../../test/fixtures/smtp-sink";

const port = Number(process.argv[2] ?? 0);
const sink = await startSmtpSink({ port });
console.log(`listening ${sink.port}`);
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "count") console.log(`accepted ${sink.acceptedCount()}`);
  if (line.trim() === "stop") void sink.stop().then(() => process.exit(0));
});
