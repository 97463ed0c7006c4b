// The test run's inbox: MailDev's REST API (started by scripts/test.ts).
// Tests run in parallel and share the inbox, so each reads only the mail to
// its own address and never empties the inbox.

export type Mail = { id: string; subject: string; text: string; html: string; to: { address: string }[] };

const POLL_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 100;

function maildevUrl(): string {
  const url = process.env.MAILDEV_URL;
  if (!url) throw new Error("MAILDEV_URL is not set: run the end-to-end tests through `npm run test:e2e`");
  return url;
}

/** Every mail to `address` (that `which` accepts), oldest first (MailDev lists in arrival order). */
export async function mailsTo(address: string, which: (mail: Mail) => boolean = () => true): Promise<Mail[]> {
  const wanted = address.toLowerCase();
  // MailDev picks them out itself (`to.address`, matched exactly: the app
  // writes addresses in lower case). The whole inbox was 5.5 MB a third of
  // the way through a run (Reviews of 35 KB each), sent and parsed for every
  // look, ten a second while a test waited: half a second each on a busy
  // machine, on the cores the app and the browser need.
  const response = await fetch(`${maildevUrl()}/api/email?${new URLSearchParams({ "to.address": wanted })}`);
  if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
  const mails = (await response.json()) as Mail[];
  return mails.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === wanted) && which(mail));
}

/**
 * Waits until at least `count` mails to `address` have arrived and returns
 * them all. Bounded: fails after ten seconds, naming what it saw.
 */
export async function waitForMails(
  address: string,
  count: number,
  which: (mail: Mail) => boolean = () => true,
): Promise<Mail[]> {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  for (;;) {
    const mails = await mailsTo(address, which);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) {
      const waited = `${POLL_TIMEOUT_MS / 1000} s`;
      throw new Error(`expected ${count} mail(s) to ${address} within ${waited}, found ${mails.length}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
