// The page benchmark's ceiling: one saved article page served as a file by a
// plain Node HTTP server in a process of its own (so it does not share the
// load generator's event loop), with the headers a static server would send.
import { spawn, type ChildProcess } from "node:child_process";

const SERVER = `
const { createServer } = require("node:http");
const { readFileSync } = require("node:fs");
const [file, port] = process.argv.slice(1);
const body = readFileSync(file);
createServer((request, response) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length, "Cache-Control": "public, max-age=60" });
  response.end(request.method === "HEAD" ? undefined : body);
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
`;

export async function startStaticServer(
  file: string,
  port: number,
): Promise<{ url: string; pid: number; stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, ["-e", SERVER, file, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the static server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill() };
}
