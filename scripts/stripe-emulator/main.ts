// The emulator as a command:
//   npx tsx scripts/stripe-emulator/main.ts --port 12111 \
//     --webhook-url http://localhost:3000/api/stripe/webhook --webhook-secret whsec_...
// Options may also come from STRIPE_EMULATOR_* environment variables; run
// with --help for the list. Stops cleanly on Ctrl-C or SIGTERM.
import { parseArgs } from "node:util";
import { startStripeEmulator } from "./start-stripe-emulator";

const usage = `Usage: tsx scripts/stripe-emulator/main.ts [options]
  --port <n>             port to listen on (default 12111; 0 = any free port)
  --host <address>       address to listen on (default 127.0.0.1)
  --webhook-url <url>    where to POST events (default: none, events are only stored)
  --webhook-secret <s>   endpoint secret for Stripe-Signature (required, whsec_...)
  --api-key <key>        secret key clients must send (default sk_test_emulator)
  --state-file <path>    keep state in this JSON file across restarts (default: memory only)
  --retry-delays <ms,..> waits before each webhook retry (default 500,2000,5000,15000)
  --quiet                do not log requests and deliveries
Environment: STRIPE_EMULATOR_PORT, STRIPE_EMULATOR_WEBHOOK_URL, STRIPE_EMULATOR_WEBHOOK_SECRET,
             STRIPE_EMULATOR_API_KEY, STRIPE_EMULATOR_STATE_FILE`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "webhook-url": { type: "string" },
    "webhook-secret": { type: "string" },
    "api-key": { type: "string" },
    "state-file": { type: "string" },
    "retry-delays": { type: "string" },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const env = process.env;
const port = Number(values.port ?? env.STRIPE_EMULATOR_PORT ?? 12111);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not ${values.port}`);
const webhookSecret = values["webhook-secret"] ?? env.STRIPE_EMULATOR_WEBHOOK_SECRET;
if (!webhookSecret) fail("--webhook-secret is required");
const retryDelays = values["retry-delays"]?.split(",").map(Number);
if (retryDelays?.some((delay) => !Number.isFinite(delay) || delay < 0))
  fail("--retry-delays takes comma-separated milliseconds");

const emulator = await startStripeEmulator({
  port,
  host: values.host,
  webhookUrl: values["webhook-url"] ?? env.STRIPE_EMULATOR_WEBHOOK_URL,
  webhookSecret,
  apiKey: values["api-key"] ?? env.STRIPE_EMULATOR_API_KEY,
  stateFile: values["state-file"] ?? env.STRIPE_EMULATOR_STATE_FILE,
  retryDelaysMs: retryDelays,
  log: values.quiet ? undefined : (line) => console.log(`[stripe-emulator] ${line}`),
});
console.log(`[stripe-emulator] listening on ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
